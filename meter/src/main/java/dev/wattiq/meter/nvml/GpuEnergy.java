package dev.wattiq.meter.nvml;

/**
 * One GPU's cumulative energy since the sensor opened, fed one reading per sample: either the hardware counter
 * (exact: the sum of its differences) or polled power (integrated by the trapezoid rule). Each interval's energy is
 * also charged to the measured process tree by that interval's share. Not thread-safe: the sensor's poll owns it.
 */
final class GpuEnergy {
    private double joules;
    private double attributedJoules;
    private long lastCounterMillijoules = -1;
    private double lastPowerWatts = Double.NaN;
    private long lastNanos;
    private boolean started;

    /** Whole-device energy since the first reading, in joules. */
    double joules() {
        return joules;
    }

    /** Energy charged to the measured tree since the first reading, in joules (never more than {@link #joules()}). */
    double attributedJoules() {
        return attributedJoules;
    }

    /**
     * A reading of NVML's total-energy counter (millijoules since the driver loaded). A counter that went back
     * (driver reloaded) restarts from the new value: that interval contributes nothing rather than a negative.
     *
     * @param share the tree's share of this device over the interval ending now, 0..1
     */
    void counter(long millijoules, long monotonicNanos, double share) {
        if (started && lastCounterMillijoules >= 0 && millijoules >= lastCounterMillijoules) {
            add((millijoules - lastCounterMillijoules) / 1000.0, share);
        }
        lastCounterMillijoules = millijoules;
        lastNanos = monotonicNanos;
        started = true;
    }

    /**
     * A power reading in watts, integrated with the previous one over the time between them (trapezoid).
     *
     * @param share the tree's share of this device over the interval ending now, 0..1
     */
    void power(double watts, long monotonicNanos, double share) {
        if (!(watts >= 0) || Double.isInfinite(watts)) throw new IllegalArgumentException("power must be a finite non-negative number of watts: " + watts);
        if (started && !Double.isNaN(lastPowerWatts) && monotonicNanos > lastNanos) {
            add((lastPowerWatts + watts) / 2 * ((monotonicNanos - lastNanos) / 1e9), share);
        }
        lastPowerWatts = watts;
        lastNanos = monotonicNanos;
        started = true;
    }

    private void add(double intervalJoules, double share) {
        double s = Double.isNaN(share) ? 0 : Math.clamp(share, 0.0, 1.0);
        joules += intervalJoules;
        attributedJoules = Math.min(joules, attributedJoules + intervalJoules * s);
    }
}
