package dev.wattiq.meter.counter;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One cumulative hardware energy counter (RAPL {@code energy_uj}, NVML total energy, hwmon {@code energyN_input},
 * ...) turned into energy under one rule, the only place in WattIQ that undoes wraparound or judges a step:
 *
 * <ul>
 *   <li>a step forward is energy, if the power it implies is within the zone's {@link PowerBound};</li>
 *   <li>a step backward is a wrap, for a counter that wraps ({@code delta = (max - previous) + raw + 1}), if the
 *       power <em>that</em> implies is within the bound;</li>
 *   <li>anything else (a backward step of a counter that does not wrap, a wrap or a leap implying more than the
 *       bound) is a {@link Step.Gap}: no energy, a one-line note naming the zone, and the counter carries on from the
 *       new value.</li>
 * </ul>
 *
 * The power a step implies is taken over the time between the two reads plus one update period of the counter
 * (a reading is up to one period stale, so two readings can span that much more than the reads). More than one wrap
 * between two reads cannot be seen, which is why meters poll far more often than the fastest possible wrap (a
 * 262 kJ RAPL range at even 1 kW wraps every 262 s; WattIQ polls every 100 ms by default). Not thread-safe.
 */
public final class PlausibleCounter {
    /** The counter's unit. */
    public enum Unit {
        MICROJOULES("uJ", 1e-6), MILLIJOULES("mJ", 1e-3), JOULES("J", 1);

        private final String symbol;
        private final double joules;

        Unit(String symbol, double joules) {
            this.symbol = symbol;
            this.joules = joules;
        }

        public String symbol() {
            return symbol;
        }

        public double joules() {
            return joules;
        }
    }

    /** What one reading added. */
    public sealed interface Step {
        /** Energy in the counter's unit since the previous reading; {@code wrapped} when it went through a wrap. */
        record Energy(long units, boolean wrapped) implements Step {
        }

        /** No energy: the step was implausible. {@code note} names the zone, the values and the bound. */
        record Gap(String note) implements Step {
        }
    }

    private final String zone;
    private final long max;
    private final boolean wraps;
    private final Unit unit;
    private final PowerBound bound;
    private final double periodSeconds;
    private long last;
    private long lastNanos;
    private long totalUnits;
    private int wrapCount;
    private int gapCount;
    private boolean started;

    private PlausibleCounter(String zone, long max, boolean wraps, Unit unit, PowerBound bound, Duration updatePeriod) {
        this.zone = Objects.requireNonNull(zone, "zone");
        if (max <= 0) throw new IllegalArgumentException("the counter's largest value must be > 0, got " + max);
        this.max = max;
        this.wraps = wraps;
        this.unit = Objects.requireNonNull(unit, "unit");
        this.bound = Objects.requireNonNull(bound, "bound");
        if (updatePeriod.isNegative()) throw new IllegalArgumentException("update period must be >= 0");
        this.periodSeconds = updatePeriod.toNanos() / 1e9;
    }

    /**
     * A counter that runs from 0 to {@code maxRaw} inclusive and then starts again at 0 (RAPL: {@code
     * max_energy_range_uj}).
     *
     * @param zone names the counter in notes, e.g. {@code "RAPL zone intel-rapl:0 (package-0 cpu_package)"}
     */
    public static PlausibleCounter wrapping(String zone, long maxRaw, Unit unit, PowerBound bound, Duration updatePeriod) {
        return new PlausibleCounter(zone, maxRaw, true, unit, bound, updatePeriod);
    }

    /** A counter that never wraps in practice (64-bit: NVML's millijoules since the driver loaded): a step back is a reset. */
    public static PlausibleCounter monotonic(String zone, Unit unit, PowerBound bound, Duration updatePeriod) {
        return new PlausibleCounter(zone, Long.MAX_VALUE, false, unit, bound, updatePeriod);
    }

    /**
     * Takes a raw reading at monotonic time {@code nanos}. The first reading starts the counter and adds nothing.
     *
     * @throws IllegalArgumentException for a reading outside [0, max] (a value the counter cannot show)
     */
    public Step update(long raw, long nanos) {
        if (raw < 0 || raw > max) {
            throw new IllegalArgumentException(zone + ": reading " + raw + " outside 0.." + max + " " + unit.symbol());
        }
        if (!started) {
            rebase(raw, nanos);
            return new Step.Energy(0, false);
        }
        double seconds = Math.max(0, nanos - lastNanos) / 1e9;
        long delta;
        boolean wrapped = false;
        if (raw >= last) {
            delta = raw - last;
        } else if (!wraps) {
            return gap(raw, nanos, "went back from " + last + " to " + raw + " " + unit.symbol() + " in " + secs(seconds)
                    + "; this counter does not wrap, so it was reset (driver reloaded?)");
        } else {
            delta = wrapDelta(raw);
            wrapped = true;
        }
        double joules = delta * unit.joules();
        double allowed = bound.watts() * (seconds + periodSeconds);
        if (delta < 0 || joules > allowed) {
            String what = wrapped
                    ? "went back from " + last + " to " + raw + " " + unit.symbol() + " in " + secs(seconds) + "; as a wrap (it tops out at "
                      + max + ") that would be " + watts(joules, seconds)
                    : "rose by " + delta + " " + unit.symbol() + " in " + secs(seconds) + ", " + watts(joules, seconds);
            return gap(raw, nanos, what + ", above its bound of " + bound);
        }
        totalUnits += delta;
        if (wrapped) wrapCount++;
        last = raw;
        lastNanos = nanos;
        return new Step.Energy(delta, wrapped);
    }

    /** {@code (max - last) + raw + 1}, or -1 where that overflows a long (never plausible). */
    private long wrapDelta(long raw) {
        try {
            return Math.addExact(Math.addExact(max - last, raw), 1);
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    private Step gap(long raw, long nanos, String what) {
        gapCount++;
        last = raw;
        lastNanos = nanos;
        return new Step.Gap(zone + ": counter " + what + ": that interval is a gap, not energy");
    }

    /**
     * Restarts from {@code raw} at {@code nanos} without adding anything: after a gap the caller saw itself (a zone
     * that vanished and came back), where the energy in between is unknown.
     */
    public void rebase(long raw, long nanos) {
        last = raw;
        lastNanos = nanos;
        started = true;
    }

    /** Energy accepted since the first reading, in the counter's unit. */
    public long totalUnits() {
        return totalUnits;
    }

    /** Energy accepted since the first reading, in joules. */
    public double totalJoules() {
        return totalUnits * unit.joules();
    }

    /** Wraps taken so far. */
    public int wraps() {
        return wrapCount;
    }

    /** Implausible steps refused so far. */
    public int gaps() {
        return gapCount;
    }

    public String zone() {
        return zone;
    }

    public PowerBound bound() {
        return bound;
    }

    public long max() {
        return max;
    }

    private static String secs(double seconds) {
        return String.format(Locale.ROOT, "%.3f s", seconds);
    }

    private static String watts(double joules, double seconds) {
        if (seconds <= 0) return String.format(Locale.ROOT, "%.6g J at once", joules);
        return PowerBound.fmt(joules / seconds) + " W";
    }
}
