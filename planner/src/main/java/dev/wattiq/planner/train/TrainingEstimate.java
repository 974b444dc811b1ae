package dev.wattiq.planner.train;

import dev.wattiq.ledger.Assumption;
import java.util.List;

/**
 * The planner's answer for one training run (IT side; the ledger turns {@link #itEnergyJoules} into a Bill).
 *
 * @param flops            FLOPs counted
 * @param devices          devices used
 * @param nodes            servers (devices / devices per node, rounded up)
 * @param utilisation      achieved MFU used for the time
 * @param durationSeconds  wall-clock time
 * @param deviceHours      devices x hours
 * @param devicePowerWatts average power per device
 * @param nodePowerWatts   average power per server including host and network share
 * @param itPowerWatts     average IT power of the job
 * @param itEnergyJoules   IT energy (devices + host/network), before PUE
 * @param assumptions      every value used, with its source
 */
public record TrainingEstimate(double flops, int devices, int nodes, double utilisation, double durationSeconds,
                               double deviceHours, double devicePowerWatts, double nodePowerWatts,
                               double itPowerWatts, double itEnergyJoules, List<Assumption> assumptions) {
}
