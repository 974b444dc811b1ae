package dev.wattiq.meter;

import java.util.List;

/**
 * An open source of cumulative energy counters. Small on purpose (after Scaphandre's {@code Sensor} trait).
 * The meter calls {@link #poll()} from its single sampler thread at the sampling interval; the sensor uses
 * it to see every counter wrap and, where it integrates power or attributes by CPU time, to accumulate.
 */
public interface Sensor extends AutoCloseable {
    /** Short name shown to users, e.g. {@code rapl}, {@code nvml}, {@code cpu-estimate}. */
    String name();

    /**
     * Reads the hardware and returns every counter, cumulative since the sensor opened (wraparound undone).
     * Called from one thread only.
     *
     * @throws SensorException when the sensor failed this time; the meter marks a gap and keeps going
     */
    List<EnergyCounter> poll() throws SensorException;

    /**
     * As {@link #poll()}, at a window's boundary: a sensor that attributes energy at a coarser cadence than it reads
     * its counters settles the energy read so far now, so that a window's energy is what was charged between its
     * two boundaries. The default is {@link #poll()}.
     */
    default List<EnergyCounter> pollAtBoundary() throws SensorException {
        return poll();
    }

    /** Model names and coefficients behind estimated figures, shown with every measurement. Empty for counters. */
    default java.util.Map<String, String> assumptions() {
        return java.util.Map.of();
    }

    /** Baseline power of what this sensor covers when idle, in watts; NaN when unknown. */
    default double idlePowerWatts() {
        return Double.NaN;
    }

    /**
     * The counter's update period: a window shorter than this is flagged unreliable
     * (RAPL updates about every 1 ms, NVML's energy counter about every 100 ms).
     */
    default java.time.Duration updatePeriod() {
        return java.time.Duration.ZERO;
    }

    /**
     * Components of other sensors whose energy is already inside this sensor's counters (a Grace Hopper module's power
     * contains its CPU, memory and GPU): the meter shows theirs in the assumptions and does not add them. Empty for
     * most sensors.
     */
    default java.util.Set<String> contains() {
        return java.util.Set.of();
    }

    /** The devices this sensor covers, for {@code wattiq devices}. */
    default List<DeviceInfo> devices() {
        return List.of();
    }

    @Override
    default void close() {
    }
}
