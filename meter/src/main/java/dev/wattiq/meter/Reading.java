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

    /**
     * The counters at {@code nanos}, a moment between two consecutive readings of one meter ({@code before} at or
     * before it, {@code after} at or after it): each counter interpolated linearly in time. Cumulative counters only
     * grow, so the true value lies between the two readings' values; the error is at most the energy counted between
     * them, and none when the power was steady between them. A counter absent from {@code before}, or lower in
     * {@code after} (it restarted), takes its {@code after} value.
     *
     * @param before the last reading at or before {@code nanos} (null: none, {@code after} is used)
     * @param after  the first reading at or after {@code nanos}
     * @param nanos  the boundary's monotonic time
     * @param wall   the boundary's wall time
     */
    public static Reading at(Reading before, Reading after, long nanos, Instant wall) {
        long span = before == null ? 0 : after.monotonicNanos - before.monotonicNanos;
        double f = span <= 0 ? 1.0 : Math.clamp((double) (nanos - before.monotonicNanos) / span, 0.0, 1.0);
        java.util.ArrayList<EnergyCounter> out = new java.util.ArrayList<>(after.counters.size());
        Map<String, EnergyCounter> byKey = null;
        for (int i = 0; i < after.counters.size(); i++) {
            EnergyCounter c = after.counters.get(i);
            EnergyCounter b = null;
            if (f < 1.0) {
                if (i < before.counters.size() && sameCounter(before.counters.get(i), c)) {
                    b = before.counters.get(i);
                } else {
                    if (byKey == null) byKey = before.byKey();
                    b = byKey.get(c.key());
                }
            }
            if (b == null || c.joules() < b.joules() || c.attributedJoules() < b.attributedJoules()) {
                out.add(c);
                continue;
            }
            double j = b.joules() + (c.joules() - b.joules()) * f;
            double a = b.attributedJoules() + (c.attributedJoules() - b.attributedJoules()) * f;
            out.add(new EnergyCounter(c.component(), c.device(), j, Math.min(a, j), c.method()));
        }
        return new Reading(nanos, wall, out);
    }
}
