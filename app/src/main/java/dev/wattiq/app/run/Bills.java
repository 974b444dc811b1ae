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
