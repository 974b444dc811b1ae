package dev.wattiq.app.run;

import dev.wattiq.ledger.Bill;
import dev.wattiq.ledger.EnergyTrace;
import dev.wattiq.ledger.Ledger;
import dev.wattiq.ledger.Site;
import dev.wattiq.meter.PowerSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The ledger's bill for a run: its measured total, shaped in time by its power samples. */
public final class Bills {
    private Bills() {
    }

    /**
     * Prices one second of nothing at {@code site} and drops the result: loads and links the ledger's pricing code on
     * the thread that loaded the site, so the bill after the command costs the main thread milliseconds, not tens.
     */
    public static void warmUp(Site site) {
        try {
            bill(site, Instant.now(), 1.0, 0.0, List.of());
        } catch (RuntimeException ignored) {
            // a warm-up only: the real bill reports its problem
        }
    }

    /**
     * The IT energy to bill for a run. Without a wall source, the charged components' energy. With one, the wall's
     * measured share instead of the components alone: the run's charged energy scaled by wall / components (in machine
     * scope that is the wall itself), so that the host and the rest (fans, power supply, disks, NICs) are billed as
     * measured, never left out.
     *
     * @param chargedJoules    the components' charged energy (the run's energy_j.total)
     * @param componentsJoules the components' whole-device energy
     * @param wallJoules       the wall's energy, NaN without a wall source
     * @param machineScope     whether the run charged everything (then a wall without components is billed whole)
     */
    public static double itJoules(double chargedJoules, double componentsJoules, double wallJoules, boolean machineScope) {
        if (!Double.isFinite(wallJoules)) return chargedJoules;
        if (!(componentsJoules > 0)) return machineScope ? wallJoules : chargedJoules;
        return chargedJoules * (wallJoules / componentsJoules);
    }

    /** The note saying what {@link #itJoules} billed, or null without a wall. */
    public static String itNote(dev.wattiq.app.store.RunRecord r) {
        double wall = r.wallJoules().orElse(Double.NaN);
        if (!Double.isFinite(wall)) return null;
        return String.format(java.util.Locale.ROOT, "billed IT energy %.3f J: the wall's measured share (charged components %.3f J x wall %.3f J"
                + " / components %.3f J), so the host and the rest are billed as measured", it(r), r.totalJoules(), wall, r.componentsDeviceJoules(null));
    }

    private static double it(dev.wattiq.app.store.RunRecord r) {
        return itJoules(r.totalJoules(), r.componentsDeviceJoules(null), r.wallJoules().orElse(Double.NaN), "machine".equals(r.scope()));
    }

    /** The bill of a stored run, with the wall's share where it has one. */
    public static Bill bill(Site site, dev.wattiq.app.store.RunRecord r, double seconds, List<PowerSample> samples) {
        return bill(site, r.startedAt(), seconds, it(r), samples);
    }

    /**
     * The bill for {@code totalJoules} drawn from {@code start} over {@code seconds}, spread in time like {@code samples}
     * (scaled so they add up to the total: counters are exact, samples carry the timing).
     */
    public static Bill bill(Site site, Instant start, double seconds, double totalJoules, List<PowerSample> samples) {
        EnergyTrace shape = EnergyTrace.fromSamples(samples);
        EnergyTrace trace;
        double sampled = shape.totalJoules();
        if (shape.intervals().isEmpty() || !(sampled > 0)) {
            trace = EnergyTrace.of(start, Math.max(seconds, 0), totalJoules);
        } else {
            double k = totalJoules / sampled;
            List<EnergyTrace.Interval> scaled = new ArrayList<>(shape.intervals().size());
            for (EnergyTrace.Interval i : shape.intervals()) scaled.add(new EnergyTrace.Interval(i.start(), i.seconds(), i.itJoules() * k));
            trace = new EnergyTrace(scaled);
        }
        return Ledger.bill(trace, site);
    }
}
