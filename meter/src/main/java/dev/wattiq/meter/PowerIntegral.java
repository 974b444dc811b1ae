package dev.wattiq.meter;

/**
 * Energy from polled power, for sources with no energy counter (an ACPI power meter's {@code power1_average}, a BMC's
 * {@code PowerWatts}, a GPU's socket power). Each reading holds until the next (zero-order hold): the energy up to
 * any instant is the sum of {@code watts x seconds} over the readings so far plus the latest reading held to that
 * instant, so it never decreases and a reading taken later never revises energy already reported.
 *
 * <p>A stretch longer than {@code maxHold} without a reading is a gap: the latest power is held for {@code maxHold}
 * at most, and the next reading starts afresh. Not thread-safe: its owner serialises calls.
 */
public final class PowerIntegral {
    private final long maxHoldNanos;
    private double joules;
    private double watts = Double.NaN;
    private long atNanos;
    private int gaps;

    /** @param maxHold how long one reading may stand in for the power after it (positive) */
    public PowerIntegral(java.time.Duration maxHold) {
        if (maxHold.isNegative() || maxHold.isZero()) throw new IllegalArgumentException("maxHold must be positive, got " + maxHold);
        this.maxHoldNanos = maxHold.toNanos();
    }

    /**
     * Takes a power reading at monotonic time {@code nanos}: the previous reading is held up to now (at most
     * {@code maxHold}), then this one takes over.
     *
     * @throws IllegalArgumentException for a negative, infinite or NaN number of watts
     */
    public void add(double powerWatts, long nanos) {
        if (!(powerWatts >= 0) || Double.isInfinite(powerWatts)) {
            throw new IllegalArgumentException("power must be a finite non-negative number of watts, got " + powerWatts);
        }
        if (!Double.isNaN(watts) && nanos > atNanos) {
            long held = nanos - atNanos;
            if (held > maxHoldNanos) {
                gaps++;
                held = maxHoldNanos;
            }
            joules += watts * held / 1e9;
        }
        if (Double.isNaN(watts) || nanos >= atNanos) {
            watts = powerWatts;
            atNanos = nanos;
        }
    }

    /** Energy since the first reading up to {@code nanos}, the latest power held (at most {@code maxHold}), in joules. */
    public double joulesAt(long nanos) {
        if (Double.isNaN(watts) || nanos <= atNanos) return joules;
        return joules + watts * Math.min(nanos - atNanos, maxHoldNanos) / 1e9;
    }

    /** Whether the latest reading is older than {@code maxHold} at {@code nanos} (or there is none). */
    public boolean staleAt(long nanos) {
        return Double.isNaN(watts) || nanos - atNanos > maxHoldNanos;
    }

    /** The latest power reading, in watts; NaN before the first. */
    public double watts() {
        return watts;
    }

    /** Stretches without a reading longer than {@code maxHold} so far. */
    public int gaps() {
        return gaps;
    }
}
