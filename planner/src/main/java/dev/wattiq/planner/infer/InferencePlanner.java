package dev.wattiq.planner.infer;

import dev.wattiq.ledger.Assumption;
import dev.wattiq.ledger.Provenance;
import dev.wattiq.planner.DoesNotFitException;
import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.data.Defaults;
import dev.wattiq.planner.fit.Interval;
import dev.wattiq.planner.fit.Priors;
import dev.wattiq.planner.fit.FittedPlanner;
import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.hardware.Precision;
import dev.wattiq.planner.model.ModelArchitecture;
import dev.wattiq.planner.model.ModelCatalog;
import dev.wattiq.planner.published.ServingRuns;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static dev.wattiq.meter.UserInputException.field;

/**
 * Serving plans from {@link ServingModel}, fitted in code to the published J/token rows of inference.csv
 * ({@link ServingCalibration}): the replica's devices, the decode step and prefill, energy per token and request, the
 * fleet for a demand and a year's energy, each energy figure with the 80% interval of the fit's out-of-sample
 * residuals.
 */
public final class InferencePlanner extends FittedPlanner<ServingCalibration, ServingFitSummary> {
    private final Defaults d;
    private final ServingModel model;

    /** The planner shipped in the jar: the build's stored fit when it matches the data files, else fitted now. */
    private static final class Shipped {
        static final InferencePlanner PLANNER = load();

        private static InferencePlanner load() {
            Defaults d = Defaults.shipped();
            return shipped(() -> calibrate(d, shippedRuns().runs()), s -> dev.wattiq.planner.Calibrate.serving(s, base(d)),
                    ServingCalibration::summary, (fit, cal) -> new InferencePlanner(d, fit, cal));
        }
    }

    public InferencePlanner(Defaults d, ServingFitSummary fit, Supplier<ServingCalibration> calibration) {
        super(fit, calibration);
        this.d = d;
        this.model = fit.model();
    }

    /** A planner fitted (and cross-validated) on {@code runs}. */
    public static InferencePlanner fitted(Defaults d, List<ServingRun> runs) {
        ServingCalibration c = calibrate(d, runs);
        return new InferencePlanner(d, c.summary(), () -> c);
    }

    /** Fits the serving model to {@code runs} with leave-one-family-out folds. */
    public static ServingCalibration calibrate(Defaults d, List<ServingRun> runs) {
        return ServingCalibration.of(base(d), runs, Priors.shipped());
    }

    /** The model at its priors (only its constants from defaults.csv matter before a fit). */
    public static ServingModel base(Defaults d) {
        return new ServingModel(d, ServingModel.Coefficients.of(Priors.shipped().box(ServingFit.KEYS)[0]));
    }

    /** The published serving rows shipped in the jar (validation/inference.csv), parsed. */
    public static ServingRuns shippedRuns() {
        return ServingRuns.parse("inference.csv", dev.wattiq.meter.io.Csv.resource(InferencePlanner.class,
                "/dev/wattiq/planner/validation/inference.csv").rows(), HardwareCatalog.shipped(), ModelCatalog.shipped(),
                Defaults.shipped());
    }

    public static InferencePlanner shipped() {
        return Shipped.PLANNER;
    }

    public ServingModel model() {
        return model;
    }

    /** Bytes of weights plus KV cache a replica must hold at batch {@code b} and mean context {@code ctx}. */
    public double memoryBytes(ModelArchitecture m, dev.wattiq.planner.hardware.Precision p, double b, double ctx) {
        return m.params() * p.bytesPerWeight() + b * model.kvBytes(m, ctx);
    }

    /** Validates, sizes the replica and the fleet, and lists every assumption used. */
    public InferenceEstimate estimate(InferenceRequest r) {
        ModelArchitecture m = r.model();
        Hardware hw = r.hardware();
        List<Assumption> a = new ArrayList<>();
        hw.requirePeakFlops(r.precision());
        double in = value(r.inputTokens(), "infer.default_input_tokens", field("input_tokens"), a, true);
        double out = value(r.outputTokens(), "infer.default_output_tokens", field("output_tokens"), a, false);
        double batch = value(r.batch() == null ? null : r.batch().doubleValue(), "infer.default_batch", field("batch"), a, false);
        double rpd = value(r.requestsPerDay(), "infer.default_requests_per_day", field("requests_per_day"), a, true);
        double host = r.hostOverhead() == null ? d.get("host.overhead_fraction")
                : PlannerException.requireNonNegative(field("host_overhead"), r.hostOverhead());
        a.add(r.hostOverhead() == null ? d.assumption("host.overhead_fraction")
                : Assumption.of("host.overhead_fraction", host, "fraction", "given", Provenance.USER));
        double ctx = in + out / 2;
        double usable = hw.memoryBytes() * d.get("memory.usable_fraction");
        double need = memoryBytes(m, r.precision(), batch, ctx);
        String inputs = "check " + field("batch") + ", " + field("input_tokens") + " and " + field("output_tokens") + " (tokens per request)";
        int holding = PlannerException.count("the devices holding weights and KV cache", Math.ceil(need / usable), inputs);
        int devices;
        if (r.devices() == null) {
            if (holding > 1 << 30) {
                PlannerException.count("the devices per replica (a power of two)", 2.0 * Integer.highestOneBit(holding - 1), inputs);
            }
            devices = Integer.highestOneBit(Math.max(1, holding - 1)) << (holding > 1 ? 1 : 0);
            a.add(Assumption.of("devices", devices, "devices", "derived: fewest devices (a power of two) holding weights"
                    + " and KV cache (" + holding + " needed); give a device count to choose", Provenance.DEFAULT));
        } else {
            devices = (int) PlannerException.requirePositive(field("devices"), r.devices());
            a.add(Assumption.of("devices", devices, "devices", "given", Provenance.USER));
            if (r.checkMemory() && devices < holding) {
                throw new DoesNotFitException(m.id() + " at " + r.precision().label() + " with batch " + (long) batch
                        + " (weights + KV cache)", need, devices, hw.id(), usable, holding);
            }
        }
        ServingModel.Step s = new ServingModel.Step();
        model.step(m, hw, devices, batch, r.precision(), in, out, r.tensorParallel(), r.expertParallel(), s);

        double demandTokensPerSecond = rpd * out / 86_400;
        double target = d.get("infer.target_utilisation");
        String demand = "check " + field("requests_per_day") + " (requests per day, not per year or per second)";
        int replicas = rpd == 0 ? 0 : PlannerException.count("the replicas for the demand",
                Math.ceil(demandTokensPerSecond / (s.tokensPerSecond * target)), demand);
        PlannerException.count("the fleet (" + replicas + " replicas x " + devices + " devices)", (double) replicas * devices, demand);
        double busy = replicas == 0 ? 0 : demandTokensPerSecond / (replicas * s.tokensPerSecond);
        double annualBusy = rpd * 365 * s.deviceJoulesPerRequest;
        double annualIdle = replicas * devices * hw.idleWatts() * (1 - busy) * 365 * 86_400;
        double annual = (annualBusy + annualIdle) * (1 + host);

        describe(r, m, hw, a, s);
        a.add(Assumption.of("decode_step_s", s.seconds, "s", String.format(
                "derived: max(memory %.4g s, compute %.4g s) + layer overhead %.4g s + sequence overhead %.4g s",
                s.memorySeconds, s.computeSeconds, s.layerSeconds, s.sequenceSeconds), Provenance.DEFAULT));
        a.add(Assumption.of("device_power_w", s.decodeWatts, "W",
                "derived: idle + (TDP - idle) x activity " + String.format("%.3f", s.activity), Provenance.DEFAULT));
        a.add(Assumption.of("energy_per_token_interval", String.format("%.3g .. %.3g", fit().spread().lowFactor(),
                fit().spread().highFactor()), "x p50", "80% interval: split-conformal bounds of the " + fit().spread().count()
                + " out-of-sample J/token residuals (leave-one-family-out over inference.csv)", Provenance.DEFAULT));
        Interval perToken = Interval.of(s.joulesPerToken, fit().spread());
        return new InferenceEstimate(devices, replicas, s.seconds, s.memorySeconds >= s.computeSeconds ? "memory" : "compute",
                s.prefillSeconds, s.tokensPerSecond, s.joulesPerToken, s.deviceJoulesPerRequest * (1 + host),
                s.decodeWatts, busy, annual, perToken, perToken.scaledTo(annual), List.copyOf(a));
    }

    private double value(Double user, String key, String flag, List<Assumption> a, boolean zeroOk) {
        if (user == null) {
            a.add(d.assumption(key));
            return d.get(key);
        }
        if (zeroOk) PlannerException.requireNonNegative(flag, user);
        else PlannerException.requirePositive(flag, user);
        // the user's figure is named as the figure ("batch"), not as the default it replaces ("infer.default_batch")
        a.add(Assumption.of(key.substring(key.indexOf("default_") + "default_".length()), user, d.assumption(key).unit(),
                "given", Provenance.USER));
        return user;
    }

    private void describe(InferenceRequest r, ModelArchitecture m, Hardware hw, List<Assumption> a, ServingModel.Step s) {
        Provenance row = m.isGeneric() ? Provenance.USER : ModelCatalog.shipped().provenance(m);
        String src = m.isGeneric() ? "given" : m.source();
        a.add(m.isGeneric() ? Assumption.of("model", m.id(), "", m.source(), Provenance.DEFAULT)
                : Assumption.of("model", m.id(), "", m.source(), row));
        a.add(Assumption.of("params", m.params(), "parameters", src, row));
        a.add(Assumption.of("active_params", m.activeParams(), "parameters", src, row));
        Provenance shape = m.isGeneric() ? Provenance.DEFAULT : row;
        String shapeSource = m.isGeneric() ? "generic shape" : m.source();
        a.add(Assumption.of("layers", m.layers(), "", shapeSource, shape));
        a.add(Assumption.of("kv_elements_per_token", m.kvElementsPerToken(), "elements", shapeSource, shape));
        if (m.isMoe()) {
            a.add(Assumption.of("experts", m.experts() + " routed, " + m.expertsPerToken() + " per token", "", shapeSource, shape));
            a.add(Assumption.of("shared_params", s.sharedParams, "parameters",
                    "derived: (N_active - N x k/E) / (1 - k/E), the parameters every token uses", Provenance.DEFAULT));
        }
        a.add(r.precision() == Precision.BF16 ? Assumption.of("precision", "bf16", "", "default", Provenance.DEFAULT)
                : Assumption.of("precision", r.precision().label(), "", "given", Provenance.USER));
        a.add(Assumption.of("bytes_per_weight", r.precision().bytesPerWeight(), "B", "precision", Provenance.DEFAULT));
        a.add(Assumption.of("hardware", hw.id(), "", hw.source(), hw.provenance()));
        a.add(Assumption.of("peak_flops", hw.peakFlops(r.precision()), "FLOP/s", hw.peakColumn(r.precision()) + " dense peak, " + hw.figuresFrom(),
                hw.provenance()));
        a.add(hw.figure("memory_bandwidth_bytes_per_s", hw.memoryBandwidthBytesPerSecond(), "B/s", ""));
        a.add(hw.figure("tdp_w", hw.tdpWatts(), "W", ""));
        a.add(hw.figure("idle_w", hw.idleWatts(), "W", ""));
        a.add(r.tensorParallel() != null ? Assumption.of("tensor_parallel", s.tensorParallel, "", "given", Provenance.USER)
                : Assumption.of("tensor_parallel", s.tensorParallel, "", "derived: devices for dense, 1 for MoE", Provenance.DEFAULT));
        a.add(r.expertParallel() != null ? Assumption.of("expert_parallel", s.expertParallel, "", "given", Provenance.USER)
                : Assumption.of("expert_parallel", s.expertParallel, "", "derived: devices for MoE, 1 for dense", Provenance.DEFAULT));
        a.add(d.assumption("infer.kv_bytes_per_element"));
        a.add(d.assumption("infer.activity_compute"));
        ServingModel.Coefficients c = model.coefficients();
        double[] v = {c.bandwidthEfficiency(), c.computeEfficiency(), c.layerOverheadSeconds(), c.allReduceSeconds(),
                c.allToAllSeconds(), c.sequenceOverheadSeconds(), c.activityMemory(), c.activityLayer(), c.activitySequence()};
        for (int i = 0; i < v.length; i++) {
            String key = ServingFit.KEYS.get(i);
            Priors.Prior p = Priors.shipped().get(key);
            a.add(Assumption.of(key, v[i], p.unit(), "fitted in code to " + fit().rows() + " published J/token rows"
                    + " (validation/inference.csv; refitted in each leave-one-family-out fold); " + p.source(), Provenance.DEFAULT));
        }
        a.add(d.assumption("infer.target_utilisation"));
        a.add(d.assumption("memory.usable_fraction"));
    }
}
