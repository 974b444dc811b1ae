package dev.wattiq.meter.estimate;

/** Placeholder, replaced below. */
public record CpuCalibration(double idleWatts, double wattsPerBusyCpu) {
}
