package dev.wattiq.meter.nvml;

import dev.wattiq.meter.ChargedEnergy;
import dev.wattiq.meter.counter.PlausibleCounter;
import dev.wattiq.meter.counter.PowerBound;

import java.time.Duration;

/**
 * One GPU's cumulative energy since the sensor opened, fed one reading per sample: either the hardware counter
 * (exact: the sum of its differences) or polled power (integrated by the trapezoid rule). Each interval's energy is
 * also charged to the measured process tree by that interval's share. Both are held to the GPU's {@link PowerBound}
 * by the one rule of {@link PlausibleCounter}: a counter that goes back (a driver reload) or leaps, or a power
 * reading above the bound, is a gap with a note, never energy. Not thread-safe: the sensor's poll owns it.
 */
final class GpuEnergy {
    private final PlausibleCounter counter;
    private final String zone;
    private final PowerBound bound;
    private final ChargedEnergy charged;
    private double lastPowerWatts = Double.NaN;
    private long lastNanos;
    private boolean started;

    /**
     * @param zone          names the GPU in notes, e.g. {@code "gpu-0 (NVIDIA H100 80GB HBM3)"}
     * @param bound         the most power the GPU can plausibly draw
     * @param counterPeriod how often the energy counter updates (NVML: about every 100 ms)
     */
    GpuEnergy(String zone, PowerBound bound, Duration counterPeriod) {
        this(zone, bound, counterPeriod, new ChargedEnergy());
    }

    /** As above, adding the energy to {@code charged} (the GPU's). */
    GpuEnergy(String zone, PowerBound bound, Duration counterPeriod, ChargedEnergy charged) {
        this.charged = charged;
        this.zone = zone;
        this.bound = bound;
        this.counter = PlausibleCounter.monotonic(zone, PlausibleCounter.Unit.MILLIJOULES, bound, counterPeriod);
    }

    /** Whole-device energy since the first reading, in joules. */
    double joules() {
        return charged.joules();
    }

    /** Energy charged to the measured tree since the first reading, in joules (never more than {@link #joules()}). */
    double attributedJoules() {
        return charged.attributedJoules();
    }

    /**
     * A reading of NVML's total-energy counter (millijoules since the driver loaded). A counter that went back
     * (driver reloaded) or leapt restarts from the new value: that interval contributes nothing, and the note says so.
     *
     * @param share the tree's share of this device over the interval ending now, 0..1
     * @return null, or the note of a gap
     */
    String counter(long millijoules, long monotonicNanos, double share) {
        if (millijoules < 0) { // an unsigned value beyond a long: never energy, and not a value to carry on from
            return zone + ": counter read " + Long.toUnsignedString(millijoules) + " mJ, beyond any plausible value: that reading is a gap, not energy";
        }
        PlausibleCounter.Step step = counter.update(millijoules, monotonicNanos);
        lastNanos = monotonicNanos;
        started = true;
        return switch (step) {
            case PlausibleCounter.Step.Energy e -> {
                if (e.units() > 0) add(e.units() / 1000.0, share);
                yield null;
            }
            case PlausibleCounter.Step.Gap g -> g.note();
        };
    }

    /**
     * A power reading in watts, integrated with the previous one over the time between them (trapezoid).
     *
     * A reading above the bound is a gap: neither it nor the interval before it is integrated.
     *
     * @param share the tree's share of this device over the interval ending now, 0..1
     * @return null, or the note of a gap
     */
    String power(double watts, long monotonicNanos, double share) {
        if (!(watts >= 0) || Double.isInfinite(watts)) throw new IllegalArgumentException("power must be a finite non-negative number of watts: " + watts);
        String gap = null;
        if (watts > bound.watts()) {
            gap = zone + ": power reading of " + watts + " W, above its bound of " + bound + ": that interval is a gap, not energy";
            watts = Double.NaN;
        } else if (started && !Double.isNaN(lastPowerWatts) && monotonicNanos > lastNanos) {
            add((lastPowerWatts + watts) / 2 * ((monotonicNanos - lastNanos) / 1e9), share);
        }
        lastPowerWatts = watts;
        lastNanos = monotonicNanos;
        started = true;
        return gap;
    }

    private void add(double intervalJoules, double share) {
        charged.add(intervalJoules);
        charged.settle(Double.isNaN(share) ? 0 : share);
    }
}
