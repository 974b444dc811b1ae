package dev.wattiq.planner.train;

/**
 * Mutable, allocation-free output of {@link TrainingPlanner#evaluate}: the tuner reuses one instance for millions of
 * configurations. All values are for the whole run.
 */
public final class TrainingResult {
    /** FLOPs counted (k x N_active x D). */
    public double flops;
    /** Achieved model FLOPs utilisation after scale, pipeline bubble and tensor-parallel losses. */
    public double utilisation;
    /** Wall-clock training time. */
    public double durationSeconds;
    /** Devices x hours. */
    public double deviceHours;
    /** Average power of one device at {@link #utilisation}. */
    public double devicePowerWatts;
    /** Average IT power of the whole job: devices plus host and network overhead. */
    public double itPowerWatts;
    /** IT energy (before PUE). */
    public double itEnergyJoules;
}
