package dev.wattiq.meter.rapl;

/**
 * Undoes the wraparound of one RAPL {@code energy_uj} counter: the only place in WattIQ that does.
 *
 * <p>The counter runs from 0 to {@code max_energy_range_uj} inclusive and then starts again at 0, so a reading
 * below the previous one means exactly one wrap: {@code delta = (max - previous) + raw + 1}. More than one wrap
 * between two reads cannot be seen, which is why the meter polls far more often than the fastest possible wrap
 * (a 262 kJ range at even 1 kW wraps every 262 s; the meter polls every 100 ms by default).
 */
public final class WrapCounter {
    private final long maxMicroJoules;
    private long last;
    private long totalMicroJoules;
    private int wraps;
    private boolean started;

    /** @param maxMicroJoules the zone's {@code max_energy_range_uj}, the largest value the counter shows */
    public WrapCounter(long maxMicroJoules) {
        if (maxMicroJoules <= 0) throw new IllegalArgumentException("max_energy_range_uj must be > 0, got " + maxMicroJoules);
        this.maxMicroJoules = maxMicroJoules;
    }

    /**
     * Takes a raw reading and returns the energy since the first reading, in microjoules.
     *
     * @throws IllegalArgumentException for a reading outside [0, max]
     */
    public long update(long rawMicroJoules) {
        if (rawMicroJoules < 0 || rawMicroJoules > maxMicroJoules) {
            throw new IllegalArgumentException("energy_uj " + rawMicroJoules + " outside 0.." + maxMicroJoules + " (max_energy_range_uj)");
        }
        if (!started) {
            started = true;
        } else if (rawMicroJoules >= last) {
            totalMicroJoules += rawMicroJoules - last;
        } else {
            totalMicroJoules += (maxMicroJoules - last) + rawMicroJoules + 1;
            wraps++;
        }
        last = rawMicroJoules;
        return totalMicroJoules;
    }

    /**
     * Restarts from {@code rawMicroJoules} without adding anything: after a gap (a zone that vanished and came
     * back), where the energy in between is unknown.
     */
    public void rebase(long rawMicroJoules) {
        last = rawMicroJoules;
        started = true;
    }

    public long totalMicroJoules() {
        return totalMicroJoules;
    }

    /** Wraps seen so far. */
    public int wraps() {
        return wraps;
    }

    public long maxMicroJoules() {
        return maxMicroJoules;
    }
}
