package dev.wattiq.ledger;

import dev.wattiq.ledger.carbon.IntensitySeries;
import dev.wattiq.ledger.tariff.DemandCharge;
import dev.wattiq.ledger.tariff.Tariff;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns IT energy into a {@link Bill} at a {@link Site}. Each interval of the trace is split where the tariff's price,
 * the carbon series' hour or the demand window may change, its energy shared out in proportion to time, and every
 * piece priced and weighted on its own:
 * <pre>
 *   facility_J   = IT_J x PUE(IT power)
 *   energy cost  = facility_kWh x price(t)
 *   location CO2e = facility_kWh x (1 - onsite) x intensity(t)
 *   market CO2e   = facility_kWh x (1 - onsite - contracted) x (residual mix, else intensity(t))
 * </pre>
 * plus a demand charge on the highest facility power over a demand window per billing month, and embodied carbon
 * amortised over the trace's duration. Energy cost and CO2e add up over any split of a run; the demand charge does
 * not (a peak is a peak), which is why it is reported apart.
 */
public final class Ledger {
    private Ledger() {
    }

    /** The bill for {@code trace} at {@code site}. */
    public static Bill bill(EnergyTrace trace, Site site) {
        Tariff tariff = site.tariff();
        Optional<IntensitySeries> series = site.carbonSeries();
        Optional<DemandCharge> demand = tariff.demandCharge();
        GreenEnergy green = site.green();
        double grid = 1 - green.onsiteShare();
        double uncovered = Math.max(0, 1 - green.onsiteShare() - green.contractedShare());
        double annual = site.gridIntensity().gramsPerKwh();

        double itJ = 0, facilityJ = 0, energyCharge = 0, locationG = 0, marketG = 0, peakW = 0;
        Map<Instant, Double> windowJ = new HashMap<>();
        TreeSet<Instant> missingHours = new TreeSet<>();

        for (EnergyTrace.Interval iv : trace.intervals()) {
            itJ += iv.itJoules();
            if (iv.seconds() == 0) continue;
            double pue = site.pue().pueAt(iv.powerWatts());
            peakW = Math.max(peakW, iv.powerWatts() * pue);
            Instant t = iv.start();
            Instant end = iv.end();
            while (t.isBefore(end)) {
                Instant next = end;
                next = earliest(next, tariff.nextBoundary(t));
                if (series.isPresent()) next = earliest(next, series.get().nextBoundary(t));
                if (demand.isPresent()) next = earliest(next, demand.get().nextBoundary(t));
                double pieceSeconds = (next.getEpochSecond() - t.getEpochSecond()) + (next.getNano() - t.getNano()) / 1e9;
                double pieceFacilityJ = iv.itJoules() * (pieceSeconds / iv.seconds()) * pue;
                double kwh = pieceFacilityJ / Bill.JOULES_PER_KWH;
                double g = annual;
                if (series.isPresent()) {
                    OptionalDouble s = series.get().at(t);
                    if (s.isPresent()) g = s.getAsDouble();
                    else addHours(missingHours, t, next);
                }
                facilityJ += pieceFacilityJ;
                energyCharge += kwh * tariff.pricePerKwhAt(t);
                locationG += kwh * grid * g;
                marketG += kwh * uncovered * green.residualMixGramsPerKwh().orElse(g);
                if (demand.isPresent()) windowJ.merge(demand.get().windowStart(t), pieceFacilityJ, Double::sum);
                t = next;
            }
        }

        List<Assumption> assumptions = new ArrayList<>(site.assumptions());
        List<String> warnings = new ArrayList<>(site.warnings());
        if (!missingHours.isEmpty()) {
            String msg = "carbon series " + series.get().source() + " does not cover " + SeriesGaps.describe(missingHours)
                    + ": used the annual " + Assumption.format(annual) + " gCO2e/kWh (" + site.gridIntensity().region() + ") for those hours";
            if (site.strict()) throw new LedgerException(msg + "; strict mode: extend the series or drop --strict");
            warnings.add(msg);
            assumptions.add(new Assumption("carbon_series_gap", SeriesGaps.describe(missingHours), "", "filled with grid_intensity", true));
        }

        double demandCharge = 0;
        if (demand.isPresent()) {
            DemandCharge d = demand.get();
            Map<YearMonth, Double> peakKwByMonth = new TreeMap<>();
            double windowSeconds = d.windowMinutes() * 60.0;
            windowJ.forEach((w, j) -> peakKwByMonth.merge(d.billingMonth(w), j / windowSeconds / 1000, Math::max));
            for (double kw : peakKwByMonth.values()) demandCharge += kw * d.pricePerKw();
            peakW = peakKwByMonth.values().stream().mapToDouble(kw -> kw * 1000).max().orElse(0);
        }

        OptionalDouble embodied = site.embodied().map(e -> OptionalDouble.of(e.amortisedKg(trace.durationSeconds()))).orElse(OptionalDouble.empty());
        Money cost = new Money(energyCharge + demandCharge, tariff.currency());
        return new Bill(itJ, facilityJ, cost, energyCharge, demandCharge, peakW, locationG / 1000, marketG / 1000, embodied, assumptions, warnings);
    }

    /** Adds the start of every UTC hour that [from, to) touches. */
    private static void addHours(TreeSet<Instant> hours, Instant from, Instant to) {
        long h = Math.floorDiv(from.getEpochSecond(), 3600) * 3600;
        for (; Instant.ofEpochSecond(h).isBefore(to); h += 3600) hours.add(Instant.ofEpochSecond(h));
    }

    private static Instant earliest(Instant a, Instant b) {
        return b.isBefore(a) ? b : a;
    }
}
