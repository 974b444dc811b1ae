package dev.wattiq.planner.train;

import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.Precision;
import dev.wattiq.planner.model.ModelArchitecture;

/**
 * What to plan. Nullable fields mean "use the planner's default" (and the estimate says which default it used).
 *
 * @param params           total parameters N
 * @param activeParams     parameters active per token (MoE); null = params
 * @param tokens           training tokens D
 * @param hardware         the device
 * @param devices          device count; null = chosen so the run takes the published runs' median wall-clock
 * @param deviceHours      published or known device-hours; replaces the time model when given
 * @param devicePowerWatts average power per device; replaces the power model when given
 * @param hostOverhead     host and network power as a fraction of device power; null = the shipped default
 * @param mfu              achieved utilisation; replaces the utilisation model when given
 * @param tensorParallel   tensor-parallel degree; null = the smallest that holds the weights in a scale-up domain
 * @param pipelineParallel pipeline-parallel degree; null = what tensor parallelism alone cannot hold
 * @param precision        arithmetic precision (bf16 by default)
 * @param recompute        full activation recomputation (8ND instead of 6ND)
 * @param shape            the architecture (models.csv, or null for the generic shape of N and N_active)
 */
public record TrainingRequest(double params, Double activeParams, double tokens, Hardware hardware, Integer devices,
                              Double deviceHours, Double devicePowerWatts, Double hostOverhead, Double mfu,
                              Integer tensorParallel, Integer pipelineParallel, Precision precision, boolean recompute,
                              ModelArchitecture shape) {

    /** A request with every optional value at its default. */
    public static TrainingRequest of(double params, double tokens, Hardware hardware, Integer devices) {
        return new TrainingRequest(params, null, tokens, hardware, devices, null, null, null, null, null, null,
                Precision.BF16, false, null);
    }

    public TrainingRequest withDevices(Integer k) {
        return new TrainingRequest(params, activeParams, tokens, hardware, k, deviceHours, devicePowerWatts,
                hostOverhead, mfu, tensorParallel, pipelineParallel, precision, recompute, shape);
    }

    public TrainingRequest withMeasured(Double hours, Double powerWatts) {
        return new TrainingRequest(params, activeParams, tokens, hardware, devices, hours, powerWatts,
                hostOverhead, mfu, tensorParallel, pipelineParallel, precision, recompute, shape);
    }

    public double active() {
        return activeParams == null ? params : activeParams;
    }

    /** The architecture used: the given one, else the generic shape of N and N_active. */
    public ModelArchitecture architecture() {
        return shape != null ? shape : ModelArchitecture.generic(params, active());
    }
}
