package dev.wattiq.planner.infer;

import dev.wattiq.planner.data.Defaults;
import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.Precision;
import dev.wattiq.planner.model.ModelArchitecture;

/**
 * The serving physics, allocation-free: a decode step reads the weights it touches (MoE: the shared part and the
 * experts any of the B sequences routes to, 1-(1-k/E)^B of them) and the KV cache of B sequences at their mean context,
 * and computes 2·N_active·B FLOPs; its time is the roofline max of the two, plus per-layer kernel and collective
 * overheads and a per-sequence serving overhead. Device power is idle plus the time-weighted activity of each phase
 * times (TDP - idle). Prefill is compute-bound at full activity.
 */
public final class ServingModel {
    final double kvBytesPerElement;
    final double activityCompute;
    final Coefficients c;
    private final Defaults defaults;

    /**
     * The fitted coefficients (fitted.csv gives each one's meaning and range).
     *
     * @param bandwidthEfficiency    achieved share of HBM bandwidth in decode
     * @param computeEfficiency      achieved share of dense peak in decode and prefill
     * @param layerOverheadSeconds   kernel time per layer and decode step
     * @param allReduceSeconds       one tensor-parallel all-reduce
     * @param allToAllSeconds        one expert-parallel all-to-all
     * @param sequenceOverheadSeconds serving-engine time per running sequence and step
     * @param activityMemory         dynamic-power share while streaming memory
     * @param activityLayer          dynamic-power share during layer overheads
     * @param activitySequence       dynamic-power share during per-sequence overhead
     */
    public record Coefficients(double bandwidthEfficiency, double computeEfficiency, double layerOverheadSeconds,
                               double allReduceSeconds, double allToAllSeconds, double sequenceOverheadSeconds,
                               double activityMemory, double activityLayer, double activitySequence) {
        /** From a point of the fit's search, in {@link ServingFit#KEYS} order. */
        public static Coefficients of(double[] x) {
            return new Coefficients(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8]);
        }
    }

    /** One decode configuration's figures (mutable, reused by the fit). */
    public static final class Step {
        public double seconds;
        public double memorySeconds;
        public double computeSeconds;
        public double layerSeconds;
        public double sequenceSeconds;
        public double activity;
        public double decodeWatts;
        public double prefillWatts;
        public double prefillSeconds;
        public double deviceJoulesPerRequest;
        public double joulesPerToken;
        public double tokensPerSecond;
        /** Average power of all the replica's devices over a request cycle (decode and prefill). */
        public double averageWatts;
        public double sharedParams;
        public int tensorParallel;
        public int expertParallel;
    }

    public ServingModel(Defaults d, Coefficients c) {
        defaults = d;
        kvBytesPerElement = d.get("infer.kv_bytes_per_element");
        activityCompute = d.get("infer.activity_compute");
        this.c = c;
    }

    public Coefficients coefficients() {
        return c;
    }

    /** The same model with other coefficients (the defaults are read again from the same table). */
    public ServingModel with(Coefficients other) {
        return new ServingModel(defaults, other);
    }

    /** Bytes of KV cache per sequence at context {@code ctx}. */
    public double kvBytes(ModelArchitecture m, double ctx) {
        return ctx * m.kvElementsPerToken() * kvBytesPerElement;
    }

    /**
     * Fills {@code out} for serving {@code m} on {@code devices} of {@code hw} at batch {@code batch}.
     *
     * @param tp null = devices for dense models, 1 for MoE
     * @param ep null = devices for MoE models, 1 for dense
     */
    public void step(ModelArchitecture m, Hardware hw, int devices, double batch, Precision p, double in, double out,
                     Integer tp, Integer ep, Step s) {
        boolean moe = m.isMoe();
        int e = ep != null ? ep : moe ? devices : 1;
        int t = tp != null ? tp : moe ? 1 : devices;
        double routedShare = moe ? (double) m.expertsPerToken() / m.experts() : 1;
        double shared = moe ? Math.max(0, (m.activeParams() - m.params() * routedShare) / (1 - routedShare)) : m.params();
        double weightsRead = moe ? shared + (m.params() - shared) * (1 - Math.pow(1 - routedShare, batch)) : m.params();
        double ctx = in + out / 2;
        double kv = batch * kvBytes(m, ctx);
        double bandwidth = devices * hw.memoryBandwidthBytesPerSecond() * c.bandwidthEfficiency();
        double peak = devices * hw.peakFlops(p) * c.computeEfficiency();
        double tMem = (weightsRead * p.bytesPerWeight() + kv) / bandwidth;
        double tCompute = 2 * m.activeParams() * batch / peak;
        double tLayer = m.layers() * (c.layerOverheadSeconds() + (t > 1 ? 2 * c.allReduceSeconds() : 0)
                + (e > 1 ? 2 * c.allToAllSeconds() : 0));
        double tSeq = c.sequenceOverheadSeconds() * batch;
        double step = Math.max(tMem, tCompute) + tLayer + tSeq;
        double activity = Math.min(1, (c.activityMemory() * tMem + activityCompute * tCompute
                + c.activityLayer() * tLayer + c.activitySequence() * tSeq) / step);
        double dyn = hw.tdpWatts() - hw.idleWatts();
        double pDecode = hw.idleWatts() + dyn * activity;
        double pPrefill = hw.idleWatts() + dyn * activityCompute;
        double prefill = 2 * m.activeParams() * in / peak;
        double perRequest = devices * (pDecode * step * out / batch + pPrefill * prefill);
        s.seconds = step;
        s.memorySeconds = tMem;
        s.computeSeconds = tCompute;
        s.layerSeconds = tLayer;
        s.sequenceSeconds = tSeq;
        s.activity = activity;
        s.decodeWatts = pDecode;
        s.prefillWatts = pPrefill;
        s.prefillSeconds = prefill;
        s.deviceJoulesPerRequest = perRequest;
        s.joulesPerToken = perRequest / out;
        s.tokensPerSecond = batch * out / (out * step + batch * prefill);
        s.averageWatts = devices * (pDecode * out * step + pPrefill * batch * prefill) / (out * step + batch * prefill);
        s.sharedParams = shared;
        s.tensorParallel = t;
        s.expertParallel = e;
    }
}
