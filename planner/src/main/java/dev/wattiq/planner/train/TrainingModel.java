package dev.wattiq.planner.train;

import dev.wattiq.planner.data.Defaults;
import dev.wattiq.planner.hardware.Hardware;

/**
 * The physics of a training step, per device, as ratios to the time of its matrix work (all allocation-free):
 * <pre>
 *   MFU = eta x (6 N_a / (6 N_a + A)) x (1 - bubble) / (1 + r_mem + r_tp + x (r_dp + r_ep))
 * </pre>
 * <ul>
 *   <li>eta: share of dense peak the matrix kernels reach (fitted);</li>
 *   <li>A = 6 x attention layers x hidden x sequence: causal attention FLOPs per token, not counted in MFU;</li>
 *   <li>r_mem = kappa x (peak / HBM bandwidth) / hidden: memory-bound work (norms, activations, softmax) moves bytes in
 *   proportion to d per token and layer while the matrices do d^2, so narrow models on high-balance chips lose most
 *   (kappa fitted);</li>
 *   <li>r_tp = (16 / 72)(tp - 1) eta peak / (link x d): four all-reduces of the activations per layer (two forward,
 *   two backward) against 72 d^2 / tp FLOPs, over NVLink inside a node and the scale-out network across nodes; on the
 *   critical path (Narayanan et al. 2021);</li>
 *   <li>r_dp = 4 B x params per device / link over the step's compute: bf16 reduce-scatter and all-gather of the
 *   gradients (ZeRO-1); the fewer tokens each replica holds (small models on many devices), the larger it is;</li>
 *   <li>r_ep = 8 k d L (ep - 1) / ep x eta peak / (link x FLOPs per token): dispatch and combine of each
 *   token's k expert inputs, forward and backward (MoE only), experts spread over ep = min(E, data-parallel degree,
 *   scale-up domain) devices;</li>
 *   <li>x: the exposed share of data-parallel and expert traffic (fitted);</li>
 *   <li>bubble = (pp - 1) / (v m + pp - 1), m = global batch / (data-parallel degree x sequence) micro-batches,
 *   v interleaved chunks (1F1B); the global batch grows where needed so each replica holds at least pp sequences.</li>
 * </ul>
 * A device whose weights, gradients and activations do not fit recomputes activations: 8 N_a instead of 6 N_a per
 * token. Published device-hours of a whole run add what its steady state does not see: x (1 + o + lambda K), o fitted
 * (evaluation, checkpoints, warm-up, restarts) and lambda from Llama 3's interruption figures. Device power is
 * idle + (TDP - idle) x min(1, f + (1 - f) u / u_sat): training keeps a floor f of the dynamic power busy even at
 * low MFU (fitted per kind: GPU, TPU; u_sat 0.5 for GPUs, 1 for TPUs).
 */
public final class TrainingModel {
    private static final double LN_TO_LOG2 = 1 / Math.log(2);
    final double flopsPerParamToken;
    final double flopsPerParamTokenRecompute;
    final double sequenceLength;
    final double batchReference;
    final double batchReferenceParams;
    final double batchExponent;
    final double batchMin;
    final double batchMax;
    final double stateShare;
    final double goodputPerDevice;
    final double saturationMfu;
    final double saturationMfuTpu;
    final double pipelineInterleave;
    final double activationBytes;
    final double bytesPerParam;
    final double usableMemory;
    final double defaultHostOverhead;
    final Coefficients c;
    private final Defaults defaults;

    /**
     * The fitted coefficients.
     *
     * @param kernelEfficiency     eta: share of dense peak the matrix kernels reach
     * @param memoryBoundOverhead  kappa of r_mem
     * @param commExposure         exposed share of data-parallel and expert traffic
     * @param runOverhead          extra wall-clock of a whole run over its steady state (evaluation, checkpoints,
     *                             warm-up, restarts), beyond the per-device failure term
     * @param powerFloorGpu        share of a GPU's dynamic power drawn at zero MFU while training
     * @param powerFloorTpu        the same for TPUs
     * @param typicalRunDays       median wall-clock of the published runs (device count where none is given)
     */
    public record Coefficients(double kernelEfficiency, double memoryBoundOverhead, double commExposure,
                               double runOverhead, double powerFloorGpu, double powerFloorTpu, double typicalRunDays) {
    }

    public TrainingModel(Defaults d, Coefficients c) {
        defaults = d;
        flopsPerParamToken = d.get("train.flops_per_param_token");
        flopsPerParamTokenRecompute = d.get("train.flops_per_param_token_recompute");
        sequenceLength = d.get("train.sequence_length");
        batchReference = d.get("train.batch_tokens_reference");
        batchReferenceParams = d.get("train.batch_reference_params");
        batchExponent = d.get("train.batch_exponent");
        batchMin = d.get("train.batch_tokens_min");
        batchMax = d.get("train.batch_tokens_max");
        stateShare = d.get("train.state_share_of_memory");
        goodputPerDevice = d.get("train.goodput_overhead_per_device");
        saturationMfu = d.get("train.power_saturation_mfu");
        saturationMfuTpu = d.get("train.power_saturation_mfu_tpu");
        pipelineInterleave = d.get("train.pipeline_interleave");
        activationBytes = d.get("train.activation_bytes_per_token_layer");
        bytesPerParam = d.get("train.bytes_per_param");
        usableMemory = d.get("memory.usable_fraction");
        defaultHostOverhead = d.get("host.overhead_fraction");
        this.c = c;
    }

    public Coefficients coefficients() {
        return c;
    }

    /** The same model with other coefficients (the defaults are read again from the same table). */
    public TrainingModel with(Coefficients other) {
        return new TrainingModel(defaults, other);
    }

    /** Global batch in tokens for a model of {@code params} parameters: reference x (N / N_ref)^b, clamped. */
    public double batchTokens(double params) {
        return Math.max(batchMin, Math.min(batchMax, batchReference * Math.pow(params / batchReferenceParams, batchExponent)));
    }

    /** Smallest power of two >= x (1 for x <= 1). */
    static int pow2AtLeast(double x) {
        if (!(x > 1)) return 1;
        return 1 << (int) Math.ceil(Math.log(x) * LN_TO_LOG2 - 1e-9);
    }

    /**
     * Default tensor-parallel degree: the smallest power of two, within one scale-up domain, that brings the
     * per-device weights and gradients (4 B per parameter, routed experts spread over {@code expertShards}) under
     * {@code train.state_share_of_memory} of usable memory. Mixture-of-experts models take 1: they spread experts and
     * pipeline stages instead (DeepSeek-V2 and V3 train without tensor parallelism).
     */
    public int defaultTensorParallel(Hardware hw, double params, double active, int experts, int topK,
                                     double expertShards) {
        if (experts > 0) return 1;
        double need = 4 * effectiveParams(params, active, experts, topK, expertShards)
                / (hw.memoryBytes() * usableMemory * stateShare);
        return Math.min(Math.max(1, hw.devicesPerNode()), pow2AtLeast(need));
    }

    /** Default pipeline degree after {@link #defaultTensorParallel}: what tensor parallelism alone cannot hold. */
    public int defaultPipelineParallel(Hardware hw, double params, double active, int experts, int topK,
                                       double expertShards, int tp) {
        double need = 4 * effectiveParams(params, active, experts, topK, expertShards)
                / (hw.memoryBytes() * usableMemory * stateShare * tp);
        return pow2AtLeast(need);
    }

    /**
     * Parameters one device of a replica holds before tensor and pipeline splitting: the shared (non-routed)
     * parameters plus the routed experts spread over {@code expertShards} devices. Shared = (N_a - (k/E) N) / (1 - k/E)
     * (every token uses the shared part and k of E routed experts); a dense model holds all N.
     */
    static double effectiveParams(double params, double active, int experts, int topK, double expertShards) {
        if (experts <= 0 || topK <= 0 || active >= params) return params;
        double share = (double) topK / experts;
        double shared = Math.max(0, Math.min(active, (active - share * params) / (1 - share)));
        return shared + (params - shared) / Math.max(1, expertShards);
    }

    /**
     * Steady-state model FLOPs utilisation (the ratio of 6 N_a x tokens to devices x peak x time, between failures).
     *
     * @param peak        dense FLOP/s at the precision
     * @param hidden      model width
     * @param layers      layers (attention layers for the attention FLOPs)
     * @param experts     routed experts (0 = dense)
     * @param topK        experts per token
     * @param devices     device count
     */
    public double steadyMfu(Hardware hw, double peak, double params, double active, int layers, int attentionLayers,
                            double hidden, int experts, int topK, double devices, int tp, int pp) {
        double eta = c.kernelEfficiency;
        double seq = sequenceLength;
        double dp = Math.max(1, devices / ((double) tp * pp));
        // every replica holds at least one sequence per pipeline stage per step, so 1F1B fills its pipeline
        double batch = Math.max(batchTokens(params), dp * seq * pp);
        double tokensPerReplica = batch / dp;
        double micro = Math.max(1, tokensPerReplica / seq);
        double bubble = pp > 1 ? (pp - 1) / (pipelineInterleave * micro + pp - 1) : 0;
        double modelFlops = flopsPerParamToken * active;
        double flopsPerToken = modelFlops + 6 * attentionLayers * hidden * seq;
        int node = Math.max(1, hw.devicesPerNode());
        double rMem = c.memoryBoundOverhead * (peak / hw.memoryBandwidthBytesPerSecond()) / hidden;
        double rTp = 0;
        if (tp > 1) {
            double link = tp <= node ? hw.scaleUpBytesPerSecond() : hw.scaleOutBytesPerSecond();
            rTp = (16.0 / 72.0) * (tp - 1) * eta * peak / (link * hidden);
        }
        double ep = experts > 0 ? Math.min(Math.min(experts, dp), node) : 1;
        double paramsPerDevice = effectiveParams(params, active, experts, topK, ep) / ((double) tp * pp);
        double dpLink = devices > node ? hw.scaleOutBytesPerSecond() : hw.scaleUpBytesPerSecond();
        double syncSeconds = dp > 1 ? 4 * paramsPerDevice * (dp - 1) / dp / dpLink : 0;
        double computeSeconds = flopsPerToken * tokensPerReplica / ((double) tp * pp) / (peak * eta);
        double rDp = syncSeconds / computeSeconds;
        double rEp = 0;
        if (experts > 0 && ep > 1) {
            double link = ep * tp <= node ? hw.scaleUpBytesPerSecond() : hw.scaleOutBytesPerSecond();
            rEp = 8 * topK * hidden * layers * (ep - 1) / ep * eta * peak / (link * flopsPerToken);
        }
        return eta * (modelFlops / flopsPerToken) * (1 - bubble)
                / (1 + rMem + rTp + c.commExposure * (rDp + rEp));
    }

    /** Wall-clock multiplier of a whole run over its steady state: 1 + o + lambda x devices. */
    public double runOverhead(double devices) {
        return 1 + c.runOverhead + goodputPerDevice * devices;
    }

    /**
     * Whether a device cannot hold its weights and gradients (4 B per parameter) plus the activations of the
     * micro-batches in flight (activation bytes x sequence x hidden x layers / tp, the 1F1B first stage's worth) in
     * usable memory, so activations are recomputed.
     */
    public boolean needsRecompute(Hardware hw, double params, double active, int experts, int topK,
                                  double expertShards, int layers, double hidden, int tp, int pp) {
        double state = 4 * effectiveParams(params, active, experts, topK, expertShards) / ((double) tp * pp);
        double activations = activationBytes * sequenceLength * hidden * layers / tp;
        return state + activations > hw.memoryBytes() * usableMemory;
    }

    /** Average device power while training at utilisation {@code u}. */
    public double devicePowerWatts(Hardware hw, double u) {
        double floor = hw.isTpu() ? c.powerFloorTpu : c.powerFloorGpu;
        double activity = Math.min(1, floor + (1 - floor) * Math.max(0, u) / (hw.isTpu() ? saturationMfuTpu : saturationMfu));
        return hw.idleWatts() + (hw.tdpWatts() - hw.idleWatts()) * activity;
    }

    /** Smallest device count whose usable memory holds the fully sharded training state (bytes per parameter x N). */
    public int minDevices(Hardware hw, double totalParams) {
        return dev.wattiq.planner.PlannerException.count("the devices holding the training state", Math.ceil(bytesPerParam
                * totalParams / (hw.memoryBytes() * usableMemory)), "check " + dev.wattiq.meter.UserInputException.field("params") + " (parameters, e.g. 7e10 for 70B)");
    }

    /** FLOPs per parameter and token: 6, or 8 with full activation recomputation. */
    public double flopsPerParamToken(boolean recompute) {
        return recompute ? flopsPerParamTokenRecompute : flopsPerParamToken;
    }

    public double defaultHostOverhead() {
        return defaultHostOverhead;
    }

    public double bytesPerParam() {
        return bytesPerParam;
    }

    public double usableMemory() {
        return usableMemory;
    }
}
