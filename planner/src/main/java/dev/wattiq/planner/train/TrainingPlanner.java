package dev.wattiq.planner.train;

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
 * Training model: FLOPs = k·N_active·D (k = 6, or 8 with activation recomputation); time = FLOPs / (devices x peak x
 * utilisation); utilisation = the hardware's published MFU at its reference scale, times a scale factor per doubling of
 * devices, times (1 - pipeline bubble), times a cross-node tensor-parallel loss; device power rises linearly from idle
 * to TDP as utilisation approaches the saturation MFU; host and network add a fraction of device power.
 *
 * <p>{@link #evaluate} is the allocation-free hot path for the tuner; {@link #estimate} validates a request and lists
 * every assumption.
 */
public final class TrainingPlanner {
    private static final TrainingPlanner SHIPPED = new TrainingPlanner(Defaults.shipped());
    private static final double LN2 = Math.log(2);
    private final Defaults defaults;
    private final double flopsPerParamToken;
    private final double flopsPerParamTokenRecompute;
    private final double scaleLossPerDoubling;
    private final double scaleMin;
    private final double scaleMax;
    private final double saturationMfu;
    private final double bytesPerParam;
    private final double microBatchesPerStage;
    private final double tpCrossNodeEfficiency;
    private final double defaultHostOverhead;
    private final double usableMemory;

    public TrainingPlanner(Defaults d) {
        this.defaults = d;
        flopsPerParamToken = d.get("train.flops_per_param_token");
        flopsPerParamTokenRecompute = d.get("train.flops_per_param_token_recompute");
        scaleLossPerDoubling = d.get("train.mfu_scale_loss_per_doubling");
        scaleMin = d.get("train.mfu_scale_factor_min");
        scaleMax = d.get("train.mfu_scale_factor_max");
        saturationMfu = d.get("train.power_saturation_mfu");
        bytesPerParam = d.get("train.bytes_per_param");
        microBatchesPerStage = d.get("train.pipeline_microbatches_per_stage");
        tpCrossNodeEfficiency = d.get("train.tp_cross_node_efficiency");
        defaultHostOverhead = d.get("host.overhead_fraction");
        usableMemory = d.get("memory.usable_fraction");
    }

    public static TrainingPlanner shipped() {
        return SHIPPED;
    }

    public double defaultHostOverhead() {
        return defaultHostOverhead;
    }

    /** The hardware's reference MFU scaled to {@code devices}: ref x clamp(1 - s·log2(K / K_ref)). */
    public double scaledMfu(Hardware hw, double devices) {
        double factor = 1 - scaleLossPerDoubling * Math.log(devices / hw.trainMfuDevices()) / LN2;
        return hw.trainMfu() * Math.min(scaleMax, Math.max(scaleMin, factor));
    }

    /** Pipeline bubble (p - 1) / (m + p - 1) with m = micro-batches per stage x p (1F1B schedule). */
    public double pipelineBubble(int pipelineParallel) {
        if (pipelineParallel <= 1) return 0;
        double m = microBatchesPerStage * pipelineParallel;
        return (pipelineParallel - 1) / (m + pipelineParallel - 1);
    }

    /** Utilisation for a layout: scaled MFU x (1 - bubble) x (cross-node TP efficiency when TP exceeds a node). */
    public double utilisation(Hardware hw, double devices, int tensorParallel, int pipelineParallel) {
        double u = scaledMfu(hw, devices) * (1 - pipelineBubble(pipelineParallel));
        return tensorParallel > hw.devicesPerNode() ? u * tpCrossNodeEfficiency : u;
    }

    /** Average device power at utilisation {@code u}: idle + (TDP - idle) x min(1, u / u_sat). */
    public double devicePowerWatts(Hardware hw, double u) {
        return hw.idleWatts() + (hw.tdpWatts() - hw.idleWatts()) * Math.min(1, u / saturationMfu);
    }

    /** Smallest device count whose usable memory holds the sharded training state (bytes per parameter x N). */
    public int minDevices(Hardware hw, double totalParams) {
        return PlannerException.count("the devices holding the training state", Math.ceil(bytesPerParam * totalParams
                / (hw.memoryBytes() * usableMemory)), "check --params (parameters, e.g. 7e10 for 70B)");
    }

    /**
     * The hot path: no validation, no allocation. {@code mfuOverride} NaN = model the utilisation;
     * {@code hostOverhead} is a fraction of device power.
     */
    public void evaluate(Hardware hw, double activeParams, double tokens, double devices, int tensorParallel,
                         int pipelineParallel, Precision precision, boolean recompute, double mfuOverride,
                         double hostOverhead, TrainingResult out) {
        double k = recompute ? flopsPerParamTokenRecompute : flopsPerParamToken;
        double flops = k * activeParams * tokens;
        double u = Double.isNaN(mfuOverride) ? utilisation(hw, devices, tensorParallel, pipelineParallel) : mfuOverride;
        double seconds = flops / (devices * hw.peakFlops(precision) * u);
        double p = devicePowerWatts(hw, u);
        out.flops = flops;
        out.utilisation = u;
        out.durationSeconds = seconds;
        out.deviceHours = devices * seconds / 3600;
        out.devicePowerWatts = p;
        out.itPowerWatts = devices * p * (1 + hostOverhead);
        out.itEnergyJoules = out.itPowerWatts * seconds;
    }

    /** Validates {@code r}, applies overrides and lists every assumption used. */
    public TrainingEstimate estimate(TrainingRequest r) {
        Hardware hw = r.hardware();
        PlannerException.requirePositive("--params", r.params());
        PlannerException.requirePositive("--tokens", r.tokens());
        double active = PlannerException.requirePositive("--active-params", r.active());
        if (active > r.params()) {
            throw new PlannerException("--active-params (" + active + ") exceeds --params (" + r.params()
                    + "): active parameters are a subset of all parameters");
        }
        if (r.tensorParallel() < 1 || r.pipelineParallel() < 1) {
            throw new PlannerException("--tp and --pp must be >= 1: use 1 for no tensor or pipeline parallelism");
        }
        if (r.mfu() != null) PlannerException.requireFraction("--mfu", r.mfu(), false);
        if (r.deviceHours() != null) PlannerException.requirePositive("--device-hours", r.deviceHours());
        if (r.devicePowerWatts() != null) PlannerException.requirePositive("--device-power", r.devicePowerWatts());
        hw.requirePeakFlops(r.precision());
        double host = r.hostOverhead() == null ? defaultHostOverhead
                : PlannerException.requireNonNegative("--host-overhead", r.hostOverhead());
        List<Assumption> a = new ArrayList<>();
        int need = minDevices(hw, r.params());
        int devices;
        if (r.devices() == null) {
            int node = Math.max(1, hw.devicesPerNode());
            devices = Math.max(node, PlannerException.count("the devices in whole " + node + "-device nodes",
                    Math.ceil((double) need / node) * node, "check --params (parameters, e.g. 7e10 for 70B)"));
            a.add(Assumption.of("devices", devices, "devices", "derived: smallest whole number of " + node
                    + "-device nodes holding the training state (" + need + " devices); give a device count to choose", Provenance.DEFAULT));
        } else {
            devices = (int) PlannerException.requirePositive("--devices", r.devices());
            a.add(Assumption.of("devices", devices, "devices", "given", Provenance.USER));
            if (r.deviceHours() == null && devices < need) {
                throw new DoesNotFitException("training state of " + fmt(r.params()) + " parameters ("
                        + (int) bytesPerParam + " B/param, sharded)", bytesPerParam * r.params(), devices, hw.id(),
                        hw.memoryBytes() * usableMemory, need);
            }
        }
        int layout = PlannerException.count("tp x pp", (double) r.tensorParallel() * r.pipelineParallel(),
                "check --tensor-parallel and --pipeline-parallel");
        if (devices % layout != 0) {
            throw new PlannerException("--devices " + devices + " is not a multiple of tp x pp = " + layout
                    + ": data-parallel degree must be whole");
        }
        TrainingResult out = new TrainingResult();
        evaluate(hw, active, r.tokens(), devices, r.tensorParallel(), r.pipelineParallel(), r.precision(),
                r.recompute(), r.mfu() == null ? Double.NaN : r.mfu(), host, out);
        double seconds = out.durationSeconds;
        double u = out.utilisation;
        if (r.deviceHours() != null) {
            seconds = r.deviceHours() * 3600 / devices;
            u = out.flops / (devices * hw.peakFlops(r.precision()) * seconds);
            if (u > 1) {
                throw new PlannerException(String.format("--device-hours %.4g implies a utilisation of %.2f of %s's peak:"
                        + " more FLOPs than the devices can do; check --device-hours, --tokens, --params and --hardware",
                        r.deviceHours(), u, hw.id()));
            }
        }
        double p = r.devicePowerWatts() != null ? r.devicePowerWatts()
                : r.deviceHours() != null ? devicePowerWatts(hw, Math.min(u, 1)) : out.devicePowerWatts;
        double itPower = devices * p * (1 + host);
        int node = Math.max(1, hw.devicesPerNode());
        int nodes = Math.ceilDiv(devices, node);
        describe(r, hw, active, devices, host, u, p, a);
        return new TrainingEstimate(out.flops, devices, nodes, u, seconds, devices * seconds / 3600, p,
                p * Math.min(node, devices) * (1 + host), itPower, itEnergyJoules(devices * seconds / 3600, p, host), List.copyOf(a));
    }

    /** IT energy of {@code deviceHours} at {@code devicePowerWatts} per device plus a host/network fraction. */
    public static double itEnergyJoules(double deviceHours, double devicePowerWatts, double hostOverhead) {
        return deviceHours * 3600 * devicePowerWatts * (1 + hostOverhead);
    }

    /** Estimates at each device count (overrides of time and power dropped) to show what scaling out costs. */
    public List<TrainingEstimate> scaling(TrainingRequest r, int[] deviceCounts) {
        List<TrainingEstimate> rows = new ArrayList<>();
        for (int k : deviceCounts) {
            if (k < minDevices(r.hardware(), r.params()) || k % (r.tensorParallel() * r.pipelineParallel()) != 0) continue;
            rows.add(estimate(r.withDevices(k).withMeasured(null, null)));
        }
        return rows;
    }

    /** Device counts from a quarter to 16x of {@code devices}, by doublings (those beyond an int left out). */
    public static int[] doublings(int devices) {
        long start = Math.max(1, devices / 4);
        return java.util.stream.LongStream.range(0, 7).map(i -> start << i).filter(k -> k <= Integer.MAX_VALUE)
                .mapToInt(Math::toIntExact).toArray();
    }

    private void describe(TrainingRequest r, Hardware hw, double active, int devices, double host, double u, double p,
                          List<Assumption> a) {
        ModelArchitecture arch = shippedModel(r.modelName());
        if (r.modelName() != null) {
            a.add(arch == null ? Assumption.of("model", r.modelName(), "", "given", Provenance.USER)
                    : Assumption.of("model", arch.id(), "", "models.csv: " + arch.source(), ModelCatalog.shipped().provenance(arch)));
        }
        a.add(fromModel("params", r.params(), "parameters", arch, arch == null ? Double.NaN : arch.params()));
        a.add(r.activeParams() == null ? Assumption.of("active_params", active, "parameters", "= params (dense)", Provenance.DEFAULT)
                : fromModel("active_params", active, "parameters", arch, arch == null ? Double.NaN : arch.activeParams()));
        a.add(fromModel("tokens", r.tokens(), "tokens", arch, arch == null ? Double.NaN : arch.trainTokens()));
        a.add(defaults.assumption(r.recompute() ? "train.flops_per_param_token_recompute" : "train.flops_per_param_token"));
        a.add(Assumption.of("hardware", hw.id(), "", hw.source(), hw.provenance()));
        a.add(Assumption.of("peak_flops", hw.peakFlops(r.precision()), "FLOP/s",
                hw.peakColumn(r.precision()) + " dense peak, " + (hw.provenance().isUser() ? hw.figuresFrom() : "hardware.csv: " + hw.source()),
                hw.provenance()));
        a.add(Assumption.of("tdp_w", hw.tdpWatts(), "W", hw.figuresFrom(), hw.provenance()));
        a.add(Assumption.of("idle_w", hw.idleWatts(), "W", hw.figuresFrom(), hw.provenance()));
        if (r.mfu() != null) {
            a.add(Assumption.of("utilisation", r.mfu(), "fraction", "given", Provenance.USER));
        } else if (r.deviceHours() != null) {
            a.add(Assumption.of("utilisation", u, "fraction", "derived: FLOPs / (devices x peak x time from the given device-hours)", Provenance.DEFAULT));
        } else {
            a.add(Assumption.of("train.reference_mfu", hw.trainMfu(), "fraction",
                    hw.mfuSource() + "; observed at " + (long) hw.trainMfuDevices() + " devices", hw.provenance()));
            a.add(defaults.assumption("train.mfu_scale_loss_per_doubling"));
            a.add(degree("tensor_parallel", r.tensorParallel()));
            a.add(degree("pipeline_parallel", r.pipelineParallel()));
            a.add(Assumption.of("data_parallel", devices / (r.tensorParallel() * r.pipelineParallel()), "",
                    "derived: devices / (tp x pp)", Provenance.DEFAULT));
            if (r.pipelineParallel() > 1) {
                a.add(defaults.assumption("train.pipeline_microbatches_per_stage"));
                a.add(Assumption.of("pipeline_bubble", pipelineBubble(r.pipelineParallel()), "fraction",
                        "derived: (p-1)/(m+p-1)", Provenance.DEFAULT));
            }
            if (r.tensorParallel() > hw.devicesPerNode()) a.add(defaults.assumption("train.tp_cross_node_efficiency"));
            a.add(Assumption.of("utilisation", u, "fraction", "derived: reference MFU x scale x (1 - bubble) x TP", Provenance.DEFAULT));
        }
        if (r.deviceHours() != null) a.add(Assumption.of("device_hours", r.deviceHours(), "h", "given", Provenance.USER));
        if (r.devicePowerWatts() != null) {
            a.add(Assumption.of("device_power_w", p, "W", "given", Provenance.USER));
        } else {
            a.add(defaults.assumption("train.power_saturation_mfu"));
            a.add(Assumption.of("device_power_w", p, "W", "derived: idle + (TDP - idle) x min(1, u / u_sat)", Provenance.DEFAULT));
        }
        a.add(r.hostOverhead() == null ? defaults.assumption("host.overhead_fraction")
                : Assumption.of("host.overhead_fraction", host, "fraction", "given", Provenance.USER));
        a.add(defaults.assumption("train.bytes_per_param"));
        a.add(defaults.assumption("memory.usable_fraction"));
    }

    /** The shipped architecture called {@code name}, or null (none named, or a caller's own name). */
    private static ModelArchitecture shippedModel(String name) {
        if (name == null) return null;
        try {
            return ModelCatalog.shipped().find(name);
        } catch (PlannerException e) {
            return null;
        }
    }

    /**
     * A figure of the model: from its models.csv row when the request carries that row's value, else the caller's.
     * Decided by the data (the value and the row), not by how the caller describes it.
     */
    private static Assumption fromModel(String name, double value, String unit, ModelArchitecture arch, double rowValue) {
        return arch != null && value == rowValue
                ? Assumption.of(name, value, unit, "models.csv: " + arch.source(), ModelCatalog.shipped().provenance(arch))
                : Assumption.of(name, value, unit, "given", Provenance.USER);
    }

    /** A parallel degree: 1 (none) is the default, any other was given. */
    private static Assumption degree(String name, int value) {
        return value == 1 ? Assumption.of(name, 1, "", "default: none", Provenance.DEFAULT)
                : Assumption.of(name, value, "", "given", Provenance.USER);
    }

    static String fmt(double n) {
        return n >= 1e12 ? String.format("%.3gT", n / 1e12) : n >= 1e9 ? String.format("%.3gB", n / 1e9)
                : String.format("%.3g", n);
    }
}
