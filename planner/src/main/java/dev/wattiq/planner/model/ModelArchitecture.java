package dev.wattiq.planner.model;

/**
 * A published model architecture (models.csv). Counts are plain numbers; absent figures are {@code NaN} or 0.
 *
 * @param id                     canonical name, e.g. {@code llama-2-70b}
 * @param params                 total parameters
 * @param activeParams           parameters used per token (equal to {@code params} for dense models)
 * @param layers                 transformer (or hybrid) layers
 * @param hidden                 model width d (hidden size)
 * @param attentionLayers        layers that keep a KV cache over the full context (sliding-window and SSM layers not)
 * @param kvElementsPerTokenLayer KV-cache elements stored per token and attention layer (2 x kv heads x head dim, or
 *                               the latent size for MLA)
 * @param experts                routed experts per MoE layer (0 for dense)
 * @param expertsPerToken        routed experts each token uses
 * @param trainTokens            published training tokens (NaN where not published)
 * @param source                 citation with year
 */
public record ModelArchitecture(String id, double params, double activeParams, int layers, double hidden, int attentionLayers,
                                double kvElementsPerTokenLayer, int experts, int expertsPerToken, double trainTokens,
                                String source) {

    public boolean isMoe() {
        return experts > 0 && expertsPerToken > 0 && activeParams < params;
    }

    /** KV-cache elements per token over all attention layers. */
    public double kvElementsPerToken() {
        return kvElementsPerTokenLayer * attentionLayers;
    }

    /** Routed experts each token uses in the generic MoE shape (Qwen3, DeepSeek-V3 and Llama 4 Maverick-style routing). */
    public static final int GENERIC_EXPERTS_PER_TOKEN = 8;

    /**
     * A generic architecture for bare parameter counts, stated as such in the assumptions: a Llama-like dense shape
     * from the active parameters (N ~= 12 x layers x hidden^2 with hidden = 128 x layers, so layers =
     * cbrt(N / (12 x 128^2)); GQA with 8 KV heads of 128 per layer). When {@code activeParams < params} it is a
     * mixture of experts with {@value #GENERIC_EXPERTS_PER_TOKEN} routed experts per token and E = 8 x N / N_active
     * experts (no shared experts).
     */
    public static ModelArchitecture generic(double params, double activeParams) {
        int layers = (int) Math.max(1, Math.round(Math.cbrt(activeParams / (12.0 * 128 * 128))));
        boolean moe = activeParams < params;
        int k = moe ? GENERIC_EXPERTS_PER_TOKEN : 0;
        int experts = moe ? (int) Math.max(k + 1, Math.round(k * params / activeParams)) : 0;
        return new ModelArchitecture("generic", params, activeParams, layers, 128.0 * layers, layers, 2 * 8 * 128,
                experts, k, Double.NaN, genericSource(moe));
    }

    /** How the generic shape was made, for the assumptions list. */
    public static String genericSource(boolean moe) {
        return "generic Llama-like shape (no models.csv entry): layers = cbrt(N_active / (12 x 128^2)), hidden = 128 x"
                + " layers, 8 KV heads of 128 per layer (GQA)" + (moe ? "; mixture of experts with 8 routed experts per"
                + " token and E = 8 x N / N_active experts, no shared experts" : "; dense");
    }

    /**
     * The generic shape of a hybrid state-space/attention model: one layer in ten keeps a KV cache (Nemotron Nano 2
     * has 6 attention layers of 62, Nemotron-H 8B 4 of 52; models.csv).
     */
    public static ModelArchitecture genericHybrid(double params, double activeParams) {
        ModelArchitecture g = generic(params, activeParams);
        return new ModelArchitecture(g.id(), params, activeParams, g.layers(), g.hidden(),
                Math.max(1, (int) Math.round(g.layers() / 10.0)), g.kvElementsPerTokenLayer(), g.experts(),
                g.expertsPerToken(), Double.NaN, g.source() + "; hybrid state-space model: one layer in ten keeps a KV"
                + " cache (Nemotron Nano 2: 6 of 62)");
    }

    /** Whether this is the generic shape rather than a published architecture. */
    public boolean isGeneric() {
        return "generic".equals(id);
    }
}
