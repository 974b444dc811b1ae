package dev.wattiq.planner.train;

import dev.wattiq.ledger.Assumption;
import dev.wattiq.planner.fit.Interval;

import java.util.List;

/**
 * The planner's answer for one training run (IT side; the ledger turns {@link #itEnergyJoules} into a Bill).
 *
 * @param flops            FLOPs counted
 * @param devices          devices used
 * @param nodes            servers (devices / devices per node, rounded up)
 * @param tensorParallel   tensor-parallel degree
 * @param pipelineParallel pipeline-parallel degree
 * @param utilisation      steady-state MFU (given, derived from --device-hours, or modelled)
 * @param runOverhead      wall-clock multiplier for failures and restarts (1 when the time was given)
 * @param durationSeconds  wall-clock time
 * @param deviceHours      devices x hours
 * @param devicePowerWatts average power per device
 * @param nodePowerWatts   average power per server including host and network share
 * @param itPowerWatts     average IT power of the job
 * @param itEnergyJoules   IT energy (devices + host/network), before PUE
 * @param deviceHoursInterval 80% interval of the device-hours (exact when given)
 * @param itEnergyInterval    80% interval of the IT energy in joules
 * @param assumptions      every value used, with its source
 */
public record TrainingEstimate(double flops, int devices, int nodes, int tensorParallel, int pipelineParallel,
                               double utilisation, double runOverhead, double durationSeconds, double deviceHours,
                               double devicePowerWatts, double nodePowerWatts, double itPowerWatts,
                               double itEnergyJoules, Interval deviceHoursInterval, Interval itEnergyInterval,
                               List<Assumption> assumptions) {
}
