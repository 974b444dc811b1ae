package dev.wattiq.planner.train;

/**
 * Mutable, allocation-free output of {@link TrainingPlanner#evaluate}: the tuner reuses one instance for millions of
 * configurations. All values are for the whole run; the p10/p90 bounds are the 80% interval from the model's
 * out-of-sample residuals.
 */
public final class TrainingResult {
    /** FLOPs counted (k x N_active x D). */
    public double flops;
    /** Steady-state model FLOPs utilisation (between failures). */
    public double utilisation;
    /** Wall-clock training time, goodput losses included. */
    public double durationSeconds;
    /** Devices x hours (p50). */
    public double deviceHours;
    /** Lower bound of the device-hours' 80% interval. */
    public double deviceHoursP10;
    /** Upper bound of the device-hours' 80% interval. */
    public double deviceHoursP90;
    /** Average power of one device at {@link #utilisation}. */
    public double devicePowerWatts;
    /** Average IT power of the whole job: devices plus host and network overhead. */
    public double itPowerWatts;
    /** IT energy (before PUE), p50. */
    public double itEnergyJoules;
    /** Lower bound of the IT energy's 80% interval. */
    public double itEnergyJoulesP10;
    /** Upper bound of the IT energy's 80% interval. */
    public double itEnergyJoulesP90;
}
