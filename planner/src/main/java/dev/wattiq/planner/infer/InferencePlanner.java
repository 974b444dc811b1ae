package dev.wattiq.planner.infer;

import dev.wattiq.ledger.Assumption;
import dev.wattiq.ledger.Provenance;
import dev.wattiq.planner.DoesNotFitException;
import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.data.Defaults;
import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.Precision;
import dev.wattiq.planner.model.ModelArchitecture;
import dev.wattiq.planner.model.ModelCatalog;
import java.util.ArrayList;
import java.util.List;

/**
 * Serving model, prefill and decode separately. A decode step reads the weights it touches (MoE: the experts any of
 * the B sequences routes to, 1-(1-k/E)^B of them) and the KV cache of B sequences at their mean context, and computes
 * 2·N_active·B FLOPs; its time is the roofline max of the two, plus per-layer kernel and collective overheads and a
 * per-sequence serving overhead. Small batches are bandwidth-bound, large ones compute-bound. Device power is idle plus
 * the time-weighted activity of each phase times (TDP - idle). Prefill is compute-bound.
 */
public final class InferencePlanner {
    private static final InferencePlanner SHIPPED = new InferencePlanner(Defaults.shipped());
    private final Defaults d;

    public InferencePlanner(Defaults defaults) {
        this.d = defaults;
    }

    public static InferencePlanner shipped() {
        return SHIPPED;
    }

    /** Bytes of weights plus KV cache a replica must hold at batch {@code b} and mean context {@code ctx}. */
    public double memoryBytes(ModelArchitecture m, Precision p, double b, double ctx) {
        return m.params() * p.bytesPerWeight() + b * ctx * m.kvElementsPerToken() * d.get("infer.kv_bytes_per_element");
    }

    /** Validates, sizes the replica and the fleet, and lists every assumption used. */
    public InferenceEstimate estimate(InferenceRequest r) {
        ModelArchitecture m = r.model();
        Hardware hw = r.hardware();
        List<Assumption> a = new ArrayList<>();
        hw.requirePeakFlops(r.precision());
        double in = value(r.inputTokens(), "infer.default_input_tokens", "--input-tokens", a, true);
        double out = value(r.outputTokens(), "infer.default_output_tokens", "--output-tokens", a, false);
        double batch = value(r.batch() == null ? null : r.batch().doubleValue(), "infer.default_batch", "--batch", a, false);
        double rpd = value(r.requestsPerDay(), "infer.default_requests_per_day", "--requests-per-day", a, true);
        double host = r.hostOverhead() == null ? d.get("host.overhead_fraction")
                : PlannerException.requireNonNegative("--host-overhead", r.hostOverhead());
        a.add(r.hostOverhead() == null ? d.assumption("host.overhead_fraction")
                : Assumption.of("host.overhead_fraction", host, "fraction", "given", Provenance.USER));
        double ctx = in + out / 2;
        double usable = hw.memoryBytes() * d.get("memory.usable_fraction");
        double need = memoryBytes(m, r.precision(), batch, ctx);
        String inputs = "check --batch, --input-tokens and --output-tokens (tokens per request)";
        int fit = PlannerException.count("the devices holding weights and KV cache", Math.ceil(need / usable), inputs);
        int devices;
        if (r.devices() == null) {
            if (fit > 1 << 30) PlannerException.count("the devices per replica (a power of two)", 2.0 * Integer.highestOneBit(fit - 1), inputs);
            devices = Integer.highestOneBit(Math.max(1, fit - 1)) << (fit > 1 ? 1 : 0);
            a.add(Assumption.of("devices", devices, "devices", "derived: fewest devices (a power of two) holding weights"
                    + " and KV cache (" + fit + " needed); give a device count to choose", Provenance.DEFAULT));
        } else {
            devices = (int) PlannerException.requirePositive("--devices", r.devices());
            a.add(Assumption.of("devices", devices, "devices", "given", Provenance.USER));
            if (r.checkMemory() && devices < fit) {
                throw new DoesNotFitException(m.id() + " at " + r.precision().label() + " with batch " + (long) batch
                        + " (weights + KV cache)", need, devices, hw.id(), usable, fit);
            }
        }
        boolean moe = m.isMoe();
        int ep = r.expertParallel() != null ? r.expertParallel() : moe ? devices : 1;
        int tp = r.tensorParallel() != null ? r.tensorParallel() : moe ? 1 : devices;

        // Decode step.
        double routedShare = moe ? (double) m.expertsPerToken() / m.experts() : 1;
        double shared = moe ? (m.activeParams() - m.params() * routedShare) / (1 - routedShare) : m.params();
        shared = Math.max(0, shared);
        double weightsRead = moe ? shared + (m.params() - shared) * (1 - Math.pow(1 - routedShare, batch)) : m.params();
        double kvBytes = batch * ctx * m.kvElementsPerToken() * d.get("infer.kv_bytes_per_element");
        double bandwidth = devices * hw.memoryBandwidthBytesPerSecond() * d.get("infer.memory_bandwidth_efficiency");
        double peak = devices * hw.peakFlops(r.precision()) * d.get("infer.decode_compute_efficiency");
        double tMem = (weightsRead * r.precision().bytesPerWeight() + kvBytes) / bandwidth;
        double tCompute = 2 * m.activeParams() * batch / peak;
        double tLayer = m.layers() * (d.get("infer.layer_overhead_s") + (tp > 1 ? 2 * d.get("infer.allreduce_latency_s") : 0)
                + (ep > 1 ? 2 * d.get("infer.alltoall_latency_s") : 0));
        double tSeq = d.get("infer.sequence_overhead_s") * batch;
        double step = Math.max(tMem, tCompute) + tLayer + tSeq;
        double activity = Math.min(1, (d.get("infer.activity_memory") * tMem + d.get("infer.activity_compute") * tCompute
                + d.get("infer.activity_layer_overhead") * tLayer + d.get("infer.activity_sequence_overhead") * tSeq) / step);
        double dyn = hw.tdpWatts() - hw.idleWatts();
        double pDecode = hw.idleWatts() + dyn * activity;
        double pPrefill = hw.idleWatts() + dyn * d.get("infer.activity_compute");

        // Prefill (compute-bound) and per-request energy.
        double prefillSeconds = 2 * m.activeParams() * in / peak;
        double deviceJoulesPerRequest = devices * (pDecode * step * out / batch + pPrefill * prefillSeconds);
        double perToken = deviceJoulesPerRequest / out;
        double tokensPerSecond = batch * out / (out * step + batch * prefillSeconds);

        // Fleet at the demand.
        double demandTokensPerSecond = rpd * out / 86_400;
        double target = d.get("infer.target_utilisation");
        String demand = "check --requests-per-day (requests per day, not per year or per second)";
        int replicas = rpd == 0 ? 0 : PlannerException.count("the replicas for the demand",
                Math.ceil(demandTokensPerSecond / (tokensPerSecond * target)), demand);
        PlannerException.count("the fleet (" + replicas + " replicas x " + devices + " devices)", (double) replicas * devices, demand);
        double busy = replicas == 0 ? 0 : demandTokensPerSecond / (replicas * tokensPerSecond);
        double annualBusy = rpd * 365 * deviceJoulesPerRequest;
        double annualIdle = replicas * devices * hw.idleWatts() * (1 - busy) * 365 * 86_400;
        double annual = (annualBusy + annualIdle) * (1 + host);

        describe(r, m, hw, a, tp, ep, moe, shared);
        a.add(Assumption.of("decode_step_s", step, "s", String.format(
                "derived: max(memory %.4g s, compute %.4g s) + layer overhead %.4g s + sequence overhead %.4g s",
                tMem, tCompute, tLayer, tSeq), Provenance.DEFAULT));
        a.add(Assumption.of("device_power_w", pDecode, "W", "derived: idle + (TDP - idle) x activity " + String.format("%.3f", activity), Provenance.DEFAULT));
        return new InferenceEstimate(devices, replicas, step, tMem >= tCompute ? "memory" : "compute", prefillSeconds,
                tokensPerSecond, perToken, deviceJoulesPerRequest * (1 + host), pDecode, busy, annual, List.copyOf(a));
    }

    private double value(Double user, String key, String flag, List<Assumption> a, boolean zeroOk) {
        if (user == null) {
            a.add(d.assumption(key));
            return d.get(key);
        }
        if (zeroOk) PlannerException.requireNonNegative(flag, user);
        else PlannerException.requirePositive(flag, user);
        // the user's figure is named as the figure ("batch"), not as the default it replaces ("infer.default_batch")
        a.add(Assumption.of(key.substring(key.indexOf("default_") + "default_".length()), user, d.assumption(key).unit(), "given",
                Provenance.USER));
        return user;
    }

    private void describe(InferenceRequest r, ModelArchitecture m, Hardware hw, List<Assumption> a, int tp, int ep,
                          boolean moe, double shared) {
        Provenance row = ModelCatalog.shipped().provenance(m);
        a.add(Assumption.of("model", m.id(), "", m.source(), row));
        a.add(Assumption.of("params", m.params(), "parameters", m.source(), row));
        a.add(Assumption.of("active_params", m.activeParams(), "parameters", m.source(), row));
        a.add(Assumption.of("layers", m.layers(), "", m.source(), row));
        a.add(Assumption.of("kv_elements_per_token", m.kvElementsPerToken(), "elements", m.source(), row));
        if (moe) {
            a.add(Assumption.of("experts", m.experts() + " routed, " + m.expertsPerToken() + " per token", "", m.source(), row));
            a.add(Assumption.of("shared_params", shared, "parameters",
                    "derived: (N_active - N x k/E) / (1 - k/E), the parameters every token uses", Provenance.DEFAULT));
        }
        a.add(r.precision() == Precision.BF16 ? Assumption.of("precision", "bf16", "", "default", Provenance.DEFAULT)
                : Assumption.of("precision", r.precision().label(), "", "given", Provenance.USER));
        a.add(Assumption.of("bytes_per_weight", r.precision().bytesPerWeight(), "B", "precision", Provenance.DEFAULT));
        a.add(Assumption.of("hardware", hw.id(), "", hw.source(), hw.provenance()));
        a.add(Assumption.of("peak_flops", hw.peakFlops(r.precision()), "FLOP/s", hw.peakColumn(r.precision()) + " dense peak, " + hw.figuresFrom(),
                hw.provenance()));
        a.add(Assumption.of("memory_bandwidth_bytes_per_s", hw.memoryBandwidthBytesPerSecond(), "B/s", hw.figuresFrom(), hw.provenance()));
        a.add(Assumption.of("tdp_w", hw.tdpWatts(), "W", hw.figuresFrom(), hw.provenance()));
        a.add(Assumption.of("idle_w", hw.idleWatts(), "W", hw.figuresFrom(), hw.provenance()));
        a.add(r.tensorParallel() != null ? Assumption.of("tensor_parallel", tp, "", "given", Provenance.USER)
                : Assumption.of("tensor_parallel", tp, "", "derived: devices for dense, 1 for MoE", Provenance.DEFAULT));
        a.add(r.expertParallel() != null ? Assumption.of("expert_parallel", ep, "", "given", Provenance.USER)
                : Assumption.of("expert_parallel", ep, "", "derived: devices for MoE, 1 for dense", Provenance.DEFAULT));
        for (String k : List.of("infer.kv_bytes_per_element", "infer.memory_bandwidth_efficiency",
                "infer.decode_compute_efficiency", "infer.layer_overhead_s", "infer.allreduce_latency_s",
                "infer.alltoall_latency_s", "infer.sequence_overhead_s", "infer.activity_memory",
                "infer.activity_compute", "infer.activity_layer_overhead", "infer.activity_sequence_overhead",
                "infer.target_utilisation", "memory.usable_fraction")) {
            a.add(d.assumption(k));
        }
    }
}
