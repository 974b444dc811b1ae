package dev.wattiq.ledger.tariff;

import dev.wattiq.ledger.Assumption;
import dev.wattiq.ledger.LedgerException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Prices by hour of day and day of week, in a stated time zone. The first {@link Period} that holds a local hour sets
 * its price; hours no period holds cost {@code defaultPricePerKwh}.
 *
 * @param zone               the zone the hours are read in, e.g. {@code America/Chicago}
 * @param currency           ISO 4217 code
 * @param defaultPricePerKwh price outside every period, >= 0
 * @param periods            priced periods, first match wins
 * @param source             where the tariff comes from
 * @param demandCharge       optional charge on peak kW
 */
public record TimeOfUseTariff(ZoneId zone, String currency, double defaultPricePerKwh, List<Period> periods, String source,
                              Optional<DemandCharge> demandCharge) implements Tariff {

    /**
     * Hours {@code [fromHour, toHour)} on {@code days}; {@code fromHour > toHour} wraps past midnight (22 to 6).
     *
     * @param days        weekdays it applies to
     * @param fromHour    first local hour, 0..23
     * @param toHour      hour it ends before, 1..24
     * @param pricePerKwh price in the tariff's currency, >= 0
     */
    public record Period(Set<DayOfWeek> days, int fromHour, int toHour, double pricePerKwh) {
        public Period {
            days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
            if (fromHour < 0 || fromHour > 23 || toHour < 1 || toHour > 24 || fromHour == toHour) {
                throw new LedgerException("time-of-use period " + fromHour + "-" + toHour + " h: give from_hour 0..23 and a different to_hour 1..24 (local hours)");
            }
            if (days.isEmpty()) throw new LedgerException("time-of-use period " + fromHour + "-" + toHour + " h has no days: list weekdays, e.g. [MON, TUE, WED, THU, FRI]");
            Tariff.checkPrice(pricePerKwh, "time-of-use period " + fromHour + "-" + toHour + " h");
        }

        boolean holds(DayOfWeek day, int hour) {
            if (!days.contains(day)) return false;
            return fromHour < toHour ? hour >= fromHour && hour < toHour : hour >= fromHour || hour < toHour;
        }
    }

    public TimeOfUseTariff {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(demandCharge, "demandCharge");
        periods = List.copyOf(periods);
        Tariff.checkCurrency(currency, source);
        Tariff.checkPrice(defaultPricePerKwh, source + ", default price");
    }

    @Override
    public double pricePerKwhAt(Instant t) {
        ZonedDateTime local = t.atZone(zone);
        for (Period p : periods) {
            if (p.holds(local.getDayOfWeek(), local.getHour())) return p.pricePerKwh();
        }
        return defaultPricePerKwh;
    }

    @Override
    public Instant nextBoundary(Instant t) {
        return t.atZone(zone).truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
    }

    @Override
    public List<Assumption> assumptions() {
        List<Assumption> out = new ArrayList<>();
        out.add(new Assumption("tariff", "time-of-use (" + zone.getId() + ")", "", source, false));
        out.add(Assumption.of("price_default", defaultPricePerKwh, currency + "/kWh", source, false));
        for (Period p : periods) {
            out.add(Assumption.of("price_" + days(p.days()) + "_" + p.fromHour() + "-" + p.toHour(), p.pricePerKwh(), currency + "/kWh", source, false));
        }
        demandCharge.ifPresent(d -> out.addAll(d.assumptions(currency)));
        return out;
    }

    private static String days(Set<DayOfWeek> days) {
        StringBuilder b = new StringBuilder();
        for (DayOfWeek d : DayOfWeek.values()) {
            if (days.contains(d)) b.append(b.isEmpty() ? "" : "+").append(d.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT));
        }
        return b.toString();
    }
}
