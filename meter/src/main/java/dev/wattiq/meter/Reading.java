package dev.wattiq.meter;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of every cumulative counter the meter's sensors hold, at one instant.
 * A window's energy is {@code end.minus(begin)}: after Caffeine's {@code CacheStats.minus()}, it clamps
 * at zero (a counter that vanished or restarted mid-window contributes nothing rather than a negative).
 *
 * @param monotonicNanos the meter clock's monotonic time of the snapshot
 * @param wallTime       the wall time of the snapshot
 * @param counters       one entry per component and device
 */
public record Reading(long monotonicNanos, Instant wallTime, List<EnergyCounter> counters) {
    public Reading {
        counters = List.copyOf(counters);
    }

    /** The counters by {@link EnergyCounter#key()}. */
    public Map<String, EnergyCounter> byKey() {
        Map<String, EnergyCounter> m = new LinkedHashMap<>();
        for (EnergyCounter c : counters) m.put(c.key(), c);
        return m;
    }

    /**
     * The energy between {@code earlier} and this reading, per counter present in both, clamped at zero.
     * Counters absent from {@code earlier} (a sensor that appeared mid-window) count from zero.
     */
    public List<EnergyCounter> minus(Reading earlier) {
        List<EnergyCounter> before = earlier.counters;
        java.util.ArrayList<EnergyCounter> out = new java.util.ArrayList<>(counters.size());
        Map<String, EnergyCounter> byKey = null;
        for (int i = 0; i < counters.size(); i++) {
            EnergyCounter c = counters.get(i);
            EnergyCounter b = null;
            if (i < before.size() && sameCounter(before.get(i), c)) {
                b = before.get(i); // the usual case: the same sensors in the same order, no map needed
            } else {
                if (byKey == null) byKey = earlier.byKey();
                b = byKey.get(c.key());
            }
            double j = b == null ? c.joules() : Math.max(0, c.joules() - b.joules());
            double a = b == null ? c.attributedJoules() : Math.max(0, c.attributedJoules() - b.attributedJoules());
            out.add(new EnergyCounter(c.component(), c.device(), j, Math.min(a, j), c.method()));
        }
        return out;
    }

    private static boolean sameCounter(EnergyCounter a, EnergyCounter b) {
        return a.component().equals(b.component()) && a.device().equals(b.device());
    }

    /** Seconds between {@code earlier} and this reading. */
    public double secondsSince(Reading earlier) {
        return (monotonicNanos - earlier.monotonicNanos) / 1e9;
    }
}
