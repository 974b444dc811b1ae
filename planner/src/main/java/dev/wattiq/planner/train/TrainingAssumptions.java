package dev.wattiq.planner.train;

import dev.wattiq.ledger.Assumption;
import dev.wattiq.ledger.Provenance;
import dev.wattiq.planner.data.Defaults;
import dev.wattiq.planner.fit.Priors;
import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.model.ModelArchitecture;
import dev.wattiq.planner.model.ModelCatalog;

import java.util.List;

/**
 * Lists every value a training estimate used, with where it came from: the request (the user's), a models.csv or
 * defaults.csv row, the fit to the published runs, or a derivation.
 */
final class TrainingAssumptions {
    private static final Provenance DEFAULT = Provenance.DEFAULT;
    private final Defaults d;
    private final TrainingFitSummary cal;

    /** Texts that depend only on the fit, built once: an estimate lists them without formatting anything again. */
    private final java.util.Map<String, String> fittedSources = new java.util.HashMap<>();
    private final String hoursIntervalText;
    private final String hoursIntervalSource;

    TrainingAssumptions(Defaults d, TrainingFitSummary cal) {
        this.d = d;
        this.cal = cal;
        for (String key : List.of("train.kernel_efficiency", "train.memory_bound_overhead", "train.communication_exposure",
                "train.run_overhead")) {
            fittedSources.put(key, "fitted in code to " + cal.runs() + " published runs (validation/training_runs.csv;"
                    + " refitted in each leave-one-family-out fold); " + Priors.shipped().get(key).source());
        }
        for (String key : List.of("train.power_floor_gpu", "train.power_floor_tpu")) {
            fittedSources.put(key, "fitted in code to the published runs with measured average power; "
                    + Priors.shipped().get(key).source());
        }
        hoursIntervalText = String.format("%.3g .. %.3g", cal.hours().lowFactor(), cal.hours().highFactor());
        hoursIntervalSource = "80% interval: split-conformal bounds of the " + cal.hours().count()
                + " out-of-sample device-hours residuals (leave-one-family-out)";
    }

    private String fitted(String key) {
        return fittedSources.get(key);
    }

    private static Assumption of(String name, Object value, String unit, String source) {
        return Assumption.of(name, value, unit, source, DEFAULT);
    }

    private static Assumption given(String name, Object value, String unit) {
        return Assumption.of(name, value, unit, "given", Provenance.USER);
    }

    /** The models.csv row's value when the figure is that row's, else the user's. */
    private static Assumption fromModel(String name, double value, String unit, ModelArchitecture shape, double rowValue) {
        boolean fromRow = !shape.isGeneric() && value == rowValue;
        return fromRow ? Assumption.of(name, value, unit, "models.csv: " + shape.source(), ModelCatalog.shipped().provenance(shape))
                : given(name, value, unit);
    }

    void describe(TrainingRequest r, Hardware hw, ModelArchitecture shape, double active, Layout layout, boolean recompute,
                  double host, double busy, double overhead, double power, List<Assumption> a) {
        TrainingModel.Coefficients c = cal.model().coefficients();
        Provenance row = ModelCatalog.shipped().provenance(shape);
        a.add(shape.isGeneric() ? of("model", shape.id(), "", ModelArchitecture.genericSource(shape.isMoe()))
                : Assumption.of("model", shape.id(), "", "models.csv: " + shape.source(), row));
        a.add(fromModel("params", r.params(), "parameters", shape, shape.params()));
        a.add(r.activeParams() == null ? of("active_params", active, "parameters", "= params (dense)")
                : fromModel("active_params", active, "parameters", shape, shape.activeParams()));
        a.add(fromModel("tokens", r.tokens(), "tokens", shape, shape.trainTokens()));
        String shapeSource = shape.isGeneric() ? "generic shape" : "models.csv";
        a.add(shape.isGeneric() ? of("layers", shape.layers(), "", shapeSource) : Assumption.of("layers", shape.layers(), "", shapeSource, row));
        a.add(shape.isGeneric() ? of("hidden", shape.hidden(), "", shapeSource) : Assumption.of("hidden", shape.hidden(), "", shapeSource, row));
        if (shape.experts() > 0) {
            String e = shape.experts() + " routed, " + shape.expertsPerToken() + " per token";
            a.add(shape.isGeneric() ? of("experts", e, "", "generic MoE shape") : Assumption.of("experts", e, "", shapeSource, row));
        }
        a.add(d.assumption(recompute ? "train.flops_per_param_token_recompute" : "train.flops_per_param_token"));
        if (recompute && !r.recompute()) {
            a.add(d.assumption("train.activation_bytes_per_token_layer"));
            a.add(of("activation_recompute", "yes", "", "derived: weights, gradients and activations in flight exceed"
                    + " usable memory at this layout"));
        }
        a.add(Assumption.of("hardware", hw.id(), "", hw.source(), hw.provenance()));
        a.add(Assumption.of("peak_flops", hw.peakFlops(r.precision()), "FLOP/s", hw.peakColumn(r.precision()) + " dense peak, " + hw.figuresFrom(),
                hw.provenance()));
        a.add(hw.figure("memory_bandwidth_bytes_per_s", hw.memoryBandwidthBytesPerSecond(), "B/s", ""));
        a.add(hw.figure("scale_up_bytes_per_s", hw.scaleUpBytesPerSecond(), "B/s", hw.linkSource().isBlank() ? "" : ": " + hw.linkSource()));
        a.add(hw.figure("scale_out_bytes_per_s", hw.scaleOutBytesPerSecond(), "B/s", ""));
        a.add(hw.figure("tdp_w", hw.tdpWatts(), "W", ""));
        a.add(hw.figure("idle_w", hw.idleWatts(), "W", ""));
        a.add(!layout.devicesChosen() ? given("devices", layout.devices(), "devices")
                : of("devices", layout.devices(), "devices", "derived: whole scale-up domains so the run takes about "
                + String.format("%.0f", c.typicalRunDays()) + " days, the median wall-clock of the published runs with"
                + " devices and hours (fitted in code), and at least what holds the training state"));
        a.add(r.tensorParallel() != null ? given("tensor_parallel", layout.tensorParallel(), "")
                : of("tensor_parallel", layout.tensorParallel(), "", "derived: smallest power of two, within a scale-up"
                + " domain, holding the weights and gradients in train.state_share_of_memory of usable memory (1 for MoE)"));
        a.add(r.pipelineParallel() != null ? given("pipeline_parallel", layout.pipelineParallel(), "")
                : of("pipeline_parallel", layout.pipelineParallel(), "", "derived: what tensor parallelism alone cannot hold"));
        a.add(d.assumption("train.state_share_of_memory"));
        if (r.mfu() != null) {
            a.add(given("utilisation", r.mfu(), "fraction"));
        } else if (r.deviceHours() != null) {
            a.add(of("utilisation", busy, "fraction", "derived: FLOPs / (devices x peak x time from the given device-hours)"));
            a.add(given("device_hours", r.deviceHours(), "h"));
        } else {
            a.add(d.assumption("train.sequence_length"));
            a.add(of("batch_tokens", cal.model().batchTokens(r.params()), "tokens", "derived: train.batch_tokens_reference x"
                    + " (N / train.batch_reference_params)^train.batch_exponent, clamped"));
            a.add(of("train.kernel_efficiency", c.kernelEfficiency(), "fraction", fitted("train.kernel_efficiency")));
            a.add(of("train.memory_bound_overhead", c.memoryBoundOverhead(), "ratio", fitted("train.memory_bound_overhead")));
            a.add(of("train.communication_exposure", c.commExposure(), "fraction", fitted("train.communication_exposure")));
            a.add(d.assumption("train.pipeline_interleave"));
            a.add(of("utilisation", busy, "fraction", "derived: steady-state MFU from the step physics (kernel efficiency,"
                    + " attention FLOPs, memory-bound work, tensor/data/expert communication, pipeline bubble)"));
            a.add(of("train.run_overhead", c.runOverhead(), "fraction", fitted("train.run_overhead")));
            a.add(d.assumption("train.goodput_overhead_per_device"));
            a.add(of("run_overhead", overhead, "ratio", "derived: 1 + train.run_overhead + goodput overhead per device x devices"));
            a.add(of("device_hours_interval", hoursIntervalText, "x p50", hoursIntervalSource));
        }
        if (r.devicePowerWatts() != null) {
            a.add(given("device_power_w", power, "W"));
        } else {
            String key = hw.isTpu() ? "train.power_floor_tpu" : "train.power_floor_gpu";
            a.add(of(key, hw.isTpu() ? c.powerFloorTpu() : c.powerFloorGpu(), "fraction", fitted(key)));
            a.add(d.assumption(hw.isTpu() ? "train.power_saturation_mfu_tpu" : "train.power_saturation_mfu"));
            a.add(of("device_power_w", power, "W", "derived: idle + (TDP - idle) x min(1, floor + (1 - floor) x u / u_sat)"));
        }
        a.add(r.hostOverhead() == null ? d.assumption("host.overhead_fraction") : given("host.overhead_fraction", host, "fraction"));
        a.add(d.assumption("train.bytes_per_param"));
        a.add(d.assumption("memory.usable_fraction"));
    }
}
