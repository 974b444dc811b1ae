package dev.wattiq.planner.train;

import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.Precision;

/**
 * What to plan. Nullable fields mean "use the planner's default" (and the estimate says which default it used).
 *
 * @param params           total parameters N
 * @param activeParams     parameters active per token (MoE); null = params
 * @param tokens           training tokens D
 * @param hardware         the device
 * @param devices          device count; null = the smallest count that holds the training state, in whole nodes
 * @param deviceHours      published or known device-hours; replaces the time model when given
 * @param devicePowerWatts average power per device; replaces the power model when given
 * @param hostOverhead     host and network power as a fraction of device power; null = the shipped default
 * @param mfu              achieved utilisation; replaces the utilisation model (scale, bubble, TP) when given
 * @param tensorParallel   tensor-parallel degree (1 = none)
 * @param pipelineParallel pipeline-parallel degree (1 = none)
 * @param precision        arithmetic precision (bf16 by default)
 * @param recompute        full activation recomputation (8ND instead of 6ND)
 * @param modelName        the --model name, for the assumptions list (null when N was given directly)
 */
public record TrainingRequest(double params, Double activeParams, double tokens, Hardware hardware, Integer devices,
                              Double deviceHours, Double devicePowerWatts, Double hostOverhead, Double mfu,
                              int tensorParallel, int pipelineParallel, Precision precision, boolean recompute,
                              String modelName) {

    /** A request with every optional value at its default. */
    public static TrainingRequest of(double params, double tokens, Hardware hardware, Integer devices) {
        return new TrainingRequest(params, null, tokens, hardware, devices, null, null, null, null, 1, 1,
                Precision.BF16, false, null);
    }

    public TrainingRequest withDevices(Integer k) {
        return new TrainingRequest(params, activeParams, tokens, hardware, k, deviceHours, devicePowerWatts,
                hostOverhead, mfu, tensorParallel, pipelineParallel, precision, recompute, modelName);
    }

    public TrainingRequest withMeasured(Double hours, Double powerWatts) {
        return new TrainingRequest(params, activeParams, tokens, hardware, devices, hours, powerWatts,
                hostOverhead, mfu, tensorParallel, pipelineParallel, precision, recompute, modelName);
    }

    public double active() {
        return activeParams == null ? params : activeParams;
    }
}
