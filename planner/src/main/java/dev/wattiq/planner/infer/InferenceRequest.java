package dev.wattiq.planner.infer;

import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.Precision;
import dev.wattiq.planner.model.ModelArchitecture;

/**
 * What to serve. Nullable fields mean "the planner's default" (listed in the estimate's assumptions).
 *
 * @param model           the architecture (from models.csv or {@link ModelArchitecture#generic})
 * @param hardware        the device
 * @param devices         devices per model replica; null = the fewest (a power of two) that hold weights and KV cache
 * @param batch           concurrent sequences per replica (continuous batching)
 * @param precision       weight precision (bytes per weight and which peak applies)
 * @param inputTokens     prompt tokens per request
 * @param outputTokens    generated tokens per request
 * @param requestsPerDay  demand, for devices needed and annual energy
 * @param tensorParallel  TP degree; null = devices for dense models, 1 for MoE
 * @param expertParallel  EP degree; null = devices for MoE models, 1 for dense
 * @param hostOverhead    host and network power as a fraction of device power; null = shipped default
 * @param checkMemory     fail when the model and KV cache do not fit (validation replays published setups: false)
 */
public record InferenceRequest(ModelArchitecture model, Hardware hardware, Integer devices, Integer batch,
                               Precision precision, Double inputTokens, Double outputTokens, Double requestsPerDay,
                               Integer tensorParallel, Integer expertParallel, Double hostOverhead,
                               boolean checkMemory) {

    public static InferenceRequest of(ModelArchitecture model, Hardware hardware) {
        return new InferenceRequest(model, hardware, null, null, Precision.BF16, null, null, null, null, null, null, true);
    }
}
