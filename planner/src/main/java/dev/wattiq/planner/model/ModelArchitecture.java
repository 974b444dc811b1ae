package dev.wattiq.planner.model;

/**
 * A published model architecture (models.csv). Counts are plain numbers; absent figures are {@code NaN} or 0.
 *
 * @param id                     canonical name, e.g. {@code llama-2-70b}
 * @param params                 total parameters
 * @param activeParams           parameters used per token (equal to {@code params} for dense models)
 * @param layers                 transformer (or hybrid) layers
 * @param attentionLayers        layers that keep a KV cache over the full context (sliding-window and SSM layers not)
 * @param kvElementsPerTokenLayer KV-cache elements stored per token and attention layer (2 x kv heads x head dim, or
 *                               the latent size for MLA)
 * @param experts                routed experts per MoE layer (0 for dense)
 * @param expertsPerToken        routed experts each token uses
 * @param trainTokens            published training tokens (NaN where not published)
 * @param source                 citation with year
 */
public record ModelArchitecture(String id, double params, double activeParams, int layers, int attentionLayers,
                                double kvElementsPerTokenLayer, int experts, int expertsPerToken, double trainTokens,
                                String source) {

    public boolean isMoe() {
        return experts > 0 && expertsPerToken > 0 && activeParams < params;
    }

    /** KV-cache elements per token over all attention layers. */
    public double kvElementsPerToken() {
        return kvElementsPerTokenLayer * attentionLayers;
    }

    /**
     * A generic dense (or MoE) architecture for a bare parameter count: layer count and KV size follow a
     * Llama-like shape (hidden = 128 x layers, GQA with 8 KV heads of 128), stated as such in the assumptions.
     */
    public static ModelArchitecture generic(double params, double activeParams) {
        // Llama-like shape: N ~= 12 * layers * hidden^2, hidden = 128 * layers  =>  layers = cbrt(N / (12 * 128^2)).
        int layers = (int) Math.max(1, Math.round(Math.cbrt(activeParams / (12.0 * 128 * 128))));
        return new ModelArchitecture("generic", params, activeParams, layers, layers, 2 * 8 * 128, 0, 0, Double.NaN,
                "generic Llama-like shape: layers = cbrt(N / (12 x 128^2)), 8 KV heads of 128 per layer (GQA)");
    }
}
