package dev.wattiq.planner.infer;

import dev.wattiq.ledger.Assumption;
import java.util.List;

/**
 * The planner's answer for serving (IT side; the ledger bills {@link #annualItEnergyJoules}).
 *
 * @param devices                devices per replica
 * @param replicas               replicas needed for the demand
 * @param decodeStepSeconds      one decode step (one token for every sequence in the batch)
 * @param decodeBound            "memory" or "compute": which roofline term dominates the decode step
 * @param prefillSecondsPerRequest prefill time of one request on the replica
 * @param tokensPerSecond        output tokens per second of one replica (prefill time included)
 * @param energyPerTokenJoules   device energy per output token (prefill share included)
 * @param energyPerRequestJoules device and host energy per request
 * @param devicePowerWatts       average device power while decoding
 * @param utilisation            busy share of the fleet at the demand
 * @param annualItEnergyJoules   IT energy for a year at the demand (busy + idle replicas, host included)
 * @param assumptions            every value used, with its source
 */
public record InferenceEstimate(int devices, int replicas, double decodeStepSeconds, String decodeBound,
                                double prefillSecondsPerRequest, double tokensPerSecond, double energyPerTokenJoules,
                                double energyPerRequestJoules, double devicePowerWatts, double utilisation,
                                double annualItEnergyJoules, List<Assumption> assumptions) {

    public double energyPerRequestWattHours() {
        return energyPerRequestJoules / 3600;
    }
}
