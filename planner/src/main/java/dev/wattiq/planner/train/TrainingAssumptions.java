package dev.wattiq.planner.train;

import dev.wattiq.planner.Assumption;
import dev.wattiq.planner.data.Defaults;
import dev.wattiq.planner.fit.Priors;
import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.model.ModelArchitecture;

import java.util.List;

/** Lists every value a training estimate used, with where it came from (data file, user, fit, derivation). */
final class TrainingAssumptions {
    private final Defaults d;
    private final TrainingFitSummary cal;

    TrainingAssumptions(Defaults d, TrainingFitSummary cal) {
        this.d = d;
        this.cal = cal;
    }

    private String fitted(String key) {
        long n = cal.runs();
        return "fitted in code to " + n + " published runs (validation/training_runs.csv; refitted in each"
                + " leave-one-family-out fold); " + Priors.shipped().get(key).source();
    }

    void describe(TrainingRequest r, Hardware hw, ModelArchitecture shape, double active, Layout layout, boolean recompute, double host,
                  double busy, double overhead, double power, List<Assumption> a) {
        TrainingModel m = cal.model();
        TrainingModel.Coefficients c = m.coefficients();
        a.add(new Assumption("model", shape.id(), "", shape.isGeneric()
                ? ModelArchitecture.genericSource(shape.isMoe()) : "models.csv: " + shape.source()));
        a.add(new Assumption("params", r.params(), "parameters", r.shape() != null && !shape.isGeneric()
                ? "models.csv (unless given)" : "given"));
        a.add(new Assumption("active_params", active, "parameters", r.activeParams() != null ? "given or models.csv"
                : "= params (dense)"));
        a.add(new Assumption("tokens", r.tokens(), "tokens", "given or models.csv"));
        a.add(new Assumption("layers", shape.layers(), "", shape.isGeneric() ? "generic shape" : "models.csv"));
        a.add(new Assumption("hidden", shape.hidden(), "", shape.isGeneric() ? "generic shape" : "models.csv"));
        if (shape.experts() > 0) {
            a.add(new Assumption("experts", shape.experts() + " routed, " + shape.expertsPerToken() + " per token", "",
                    shape.isGeneric() ? "generic MoE shape" : "models.csv"));
        }
        a.add(d.assumption(recompute ? "train.flops_per_param_token_recompute" : "train.flops_per_param_token"));
        if (recompute && !r.recompute()) {
            a.add(d.assumption("train.activation_bytes_per_token_layer"));
            a.add(new Assumption("activation_recompute", "yes", "", "derived: weights, gradients and activations in flight"
                    + " exceed usable memory at this layout"));
        }
        a.add(new Assumption("hardware", hw.id(), "", hw.source()));
        a.add(new Assumption("peak_flops", hw.peakFlops(r.precision()), "FLOP/s",
                hw.peakColumn(r.precision()) + " dense peak, hardware.csv"));
        a.add(new Assumption("memory_bandwidth_bytes_per_s", hw.memoryBandwidthBytesPerSecond(), "B/s", "hardware.csv"));
        a.add(new Assumption("scale_up_bytes_per_s", hw.scaleUpBytesPerSecond(), "B/s", "hardware.csv: " + hw.linkSource()));
        a.add(new Assumption("scale_out_bytes_per_s", hw.scaleOutBytesPerSecond(), "B/s", "hardware.csv"));
        a.add(new Assumption("tdp_w", hw.tdpWatts(), "W", "hardware.csv"));
        a.add(new Assumption("idle_w", hw.idleWatts(), "W", "hardware.csv"));
        a.add(new Assumption("devices", layout.devices(), "devices", !layout.devicesChosen() ? "given"
                : "derived: whole scale-up domains so the run takes about " + String.format("%.0f", c.typicalRunDays())
                + " days, the median wall-clock of the published runs with devices and hours (fitted in code), and at"
                + " least what holds the training state"));
        a.add(new Assumption("tensor_parallel", layout.tensorParallel(), "", r.tensorParallel() != null ? "given"
                : "derived: smallest power of two, within a scale-up domain, holding the weights and gradients in "
                + "train.state_share_of_memory of usable memory"));
        a.add(new Assumption("pipeline_parallel", layout.pipelineParallel(), "", r.pipelineParallel() != null ? "given"
                : "derived: what tensor parallelism alone cannot hold"));
        a.add(d.assumption("train.state_share_of_memory"));
        if (r.mfu() != null) {
            a.add(new Assumption("utilisation", r.mfu(), "fraction", "given"));
        } else if (r.deviceHours() != null) {
            a.add(new Assumption("utilisation", busy, "fraction", "derived: FLOPs / (devices x peak x time from the given device-hours)"));
            a.add(new Assumption("device_hours", r.deviceHours(), "h", "given"));
        } else {
            a.add(d.assumption("train.sequence_length"));
            a.add(new Assumption("batch_tokens", m.batchTokens(r.params()), "tokens", "derived: train.batch_tokens_reference x"
                    + " (N / train.batch_reference_params)^train.batch_exponent, clamped"));
            a.add(new Assumption("train.kernel_efficiency", c.kernelEfficiency(), "fraction", fitted("train.kernel_efficiency")));
            a.add(new Assumption("train.memory_bound_overhead", c.memoryBoundOverhead(), "ratio", fitted("train.memory_bound_overhead")));
            a.add(new Assumption("train.communication_exposure", c.commExposure(), "fraction", fitted("train.communication_exposure")));
            a.add(new Assumption("utilisation", busy, "fraction", "derived: steady-state MFU from the step physics "
                    + "(kernel efficiency, attention FLOPs, memory-bound work, tensor/data/expert communication, pipeline bubble)"));
            a.add(d.assumption("train.pipeline_interleave"));
            a.add(new Assumption("train.run_overhead", c.runOverhead(), "fraction", fitted("train.run_overhead")));
            a.add(d.assumption("train.goodput_overhead_per_device"));
            a.add(new Assumption("run_overhead", overhead, "ratio", "derived: 1 + train.run_overhead + goodput overhead per device x devices"));
            a.add(new Assumption("device_hours_interval", cal.hours().lowFactor() + " .. " + cal.hours().highFactor(),
                    "x p50", "80% interval: split-conformal bounds of the " + cal.hours().count()
                    + " out-of-sample device-hours residuals (leave-one-family-out)"));
        }
        if (r.devicePowerWatts() != null) {
            a.add(new Assumption("device_power_w", power, "W", "given"));
        } else {
            String key = hw.isTpu() ? "train.power_floor_tpu" : "train.power_floor_gpu";
            a.add(new Assumption(key, hw.isTpu() ? c.powerFloorTpu() : c.powerFloorGpu(), "fraction",
                    "fitted in code to the published runs with measured average power; " + Priors.shipped().get(key).source()));
            a.add(d.assumption(hw.isTpu() ? "train.power_saturation_mfu_tpu" : "train.power_saturation_mfu"));
            a.add(new Assumption("device_power_w", power, "W", "derived: idle + (TDP - idle) x min(1, floor + (1 - floor) x u / u_sat)"));
        }
        a.add(r.hostOverhead() == null ? d.assumption("host.overhead_fraction")
                : new Assumption("host.overhead_fraction", host, "fraction", "given"));
        a.add(d.assumption("train.bytes_per_param"));
        a.add(d.assumption("memory.usable_fraction"));
    }
}
