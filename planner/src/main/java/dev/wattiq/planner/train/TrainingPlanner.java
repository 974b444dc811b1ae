package dev.wattiq.planner.train;

import dev.wattiq.ledger.Assumption;
import dev.wattiq.planner.DoesNotFitException;
import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.data.Defaults;
import dev.wattiq.planner.fit.Interval;
import dev.wattiq.planner.fit.Priors;
import dev.wattiq.planner.fit.Spread;
import dev.wattiq.planner.fit.FittedPlanner;
import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.hardware.Precision;
import dev.wattiq.planner.model.ModelArchitecture;
import dev.wattiq.planner.model.ModelCatalog;
import dev.wattiq.planner.published.TrainingRuns;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static dev.wattiq.meter.UserInputException.field;

/**
 * Training plans from the step physics of {@link TrainingModel}, fitted to published runs ({@link TrainingCalibration}):
 * FLOPs = k·N_active·D (k = 6, or 8 with activation recomputation); time = FLOPs / (devices x peak x steady MFU) x
 * (1 + goodput overhead); device power from the utilisation with a training floor; host and network add a fraction.
 * Every figure carries the 80% interval of the model's out-of-sample residuals.
 *
 * <p>{@link #evaluate} is the allocation-free hot path for the tuner (intervals included); {@link #estimate} validates
 * a request, lays it out and lists every assumption.
 */
public final class TrainingPlanner extends FittedPlanner<TrainingCalibration, TrainingFitSummary> {
    private final Defaults defaults;
    private final TrainingAssumptions assumptions;
    private final TrainingModel m;
    private final double hoursLow;
    private final double hoursHigh;
    private final double energyLow;
    private final double energyHigh;
    private final double powerLow;
    private final double powerHigh;

    /** The planner shipped in the jar: the build's stored fit when it matches the data files, else fitted now. */
    private static final class Shipped {
        static final TrainingPlanner PLANNER = load();

        private static TrainingPlanner load() {
            Defaults d = Defaults.shipped();
            return shipped(() -> calibrate(d, shippedRuns().runs()), s -> dev.wattiq.planner.Calibrate.training(s, base(d)),
                    TrainingCalibration::summary, (fit, cal) -> new TrainingPlanner(d, fit, cal));
        }
    }

    public TrainingPlanner(Defaults d, TrainingFitSummary fit, Supplier<TrainingCalibration> calibration) {
        super(fit, calibration);
        this.defaults = d;
        this.assumptions = new TrainingAssumptions(defaults, fit);
        this.m = fit.model();
        hoursLow = fit.hours().lowFactor();
        hoursHigh = fit.hours().highFactor();
        energyLow = fit.energy().lowFactor();
        energyHigh = fit.energy().highFactor();
        powerLow = fit.power().lowFactor();
        powerHigh = fit.power().highFactor();
    }

    /** A planner fitted (and cross-validated) on {@code runs}. */
    public static TrainingPlanner fitted(Defaults d, List<TrainingRun> runs) {
        TrainingCalibration c = calibrate(d, runs);
        return new TrainingPlanner(d, c.summary(), () -> c);
    }

    /** Fits the model to {@code runs} with leave-one-family-out folds. */
    public static TrainingCalibration calibrate(Defaults d, List<TrainingRun> runs) {
        return TrainingCalibration.of(base(d), runs, Priors.shipped(), d.get("train.typical_run_days"));
    }

    /** The model with neutral coefficients (only its constants from defaults.csv matter before a fit). */
    public static TrainingModel base(Defaults d) {
        return new TrainingModel(d, new TrainingModel.Coefficients(0.5, 0, 0, 0, 1, 1, d.get("train.typical_run_days")));
    }

    /** The published runs shipped in the jar (validation/training_runs.csv), parsed. */
    public static TrainingRuns shippedRuns() {
        return TrainingRuns.parse("training_runs.csv", dev.wattiq.meter.io.Csv.resource(TrainingPlanner.class,
                "/dev/wattiq/planner/validation/training_runs.csv").rows(), HardwareCatalog.shipped(), ModelCatalog.shipped());
    }

    public static TrainingPlanner shipped() {
        return Shipped.PLANNER;
    }

    public TrainingModel model() {
        return m;
    }

    public double defaultHostOverhead() {
        return m.defaultHostOverhead();
    }

    /** Average device power while training at utilisation {@code u} (the fitted floor, then linear to TDP). */
    public double devicePowerWatts(Hardware hw, double u) {
        return m.devicePowerWatts(hw, u);
    }

    /** Smallest device count whose usable memory holds the sharded training state (bytes per parameter x N). */
    public int minDevices(Hardware hw, double totalParams) {
        return m.minDevices(hw, totalParams);
    }

    /**
     * The hot path: no validation, no allocation; a dense model of the generic shape. {@code mfuOverride} NaN =
     * model the utilisation; {@code hostOverhead} is a fraction of device power.
     */
    public void evaluate(Hardware hw, double activeParams, double tokens, double devices, int tensorParallel,
                         int pipelineParallel, Precision precision, boolean recompute, double mfuOverride,
                         double hostOverhead, TrainingResult out) {
        double peak = hw.peakFlops(precision);
        boolean modelled = Double.isNaN(mfuOverride);
        double busy;
        double overhead;
        boolean re = recompute;
        if (modelled) {
            int layers = (int) Math.max(1, Math.round(Math.cbrt(activeParams / (12.0 * 128 * 128))));
            double hidden = 128.0 * layers;
            busy = m.steadyMfu(hw, peak, activeParams, activeParams, layers, layers, hidden, 0, 0, devices,
                    tensorParallel, pipelineParallel);
            overhead = m.runOverhead(devices);
            re = recompute || m.needsRecompute(hw, activeParams, activeParams, 0, 0, 1, layers, hidden, tensorParallel,
                    pipelineParallel);
        } else {
            busy = mfuOverride;
            overhead = 1;
        }
        double k = m.flopsPerParamToken(re);
        double flops = k * activeParams * tokens;
        double seconds = flops / (devices * peak * busy) * overhead;
        double p = m.devicePowerWatts(hw, busy);
        out.flops = flops;
        out.utilisation = busy * m.flopsPerParamToken(false) / k;
        out.durationSeconds = seconds;
        out.deviceHours = devices * seconds / 3600;
        out.deviceHoursP10 = out.deviceHours * (modelled ? hoursLow : 1);
        out.deviceHoursP90 = out.deviceHours * (modelled ? hoursHigh : 1);
        out.devicePowerWatts = p;
        out.itPowerWatts = devices * p * (1 + hostOverhead);
        out.itEnergyJoules = out.itPowerWatts * seconds;
        out.itEnergyJoulesP10 = out.itEnergyJoules * (modelled ? energyLow : powerLow);
        out.itEnergyJoulesP90 = out.itEnergyJoules * (modelled ? energyHigh : powerHigh);
    }

    /** Validates {@code r}, lays it out, applies overrides and lists every assumption used. */
    public TrainingEstimate estimate(TrainingRequest r) {
        Hardware hw = r.hardware();
        PlannerException.requirePositive(field("params"), r.params());
        PlannerException.requirePositive(field("tokens"), r.tokens());
        double active = PlannerException.requirePositive(field("active_params"), r.active());
        if (active > r.params()) {
            throw new PlannerException(field("active_params") + " (" + active + ") exceeds " + field("params") + " (" + r.params()
                    + "): active parameters are a subset of all parameters");
        }
        if (r.tensorParallel() != null && r.tensorParallel() < 1 || r.pipelineParallel() != null && r.pipelineParallel() < 1) {
            throw new PlannerException(field("tp") + " and " + field("pp") + " must be >= 1: use 1 for no tensor or pipeline parallelism");
        }
        if (r.mfu() != null) PlannerException.requireFraction(field("mfu"), r.mfu(), false);
        if (r.deviceHours() != null) PlannerException.requirePositive(field("device_hours"), r.deviceHours());
        if (r.devicePowerWatts() != null) PlannerException.requirePositive(field("device_power"), r.devicePowerWatts());
        hw.requirePeakFlops(r.precision());
        double host = r.hostOverhead() == null ? m.defaultHostOverhead()
                : PlannerException.requireNonNegative(field("host_overhead"), r.hostOverhead());
        ModelArchitecture shape = r.architecture();
        int need = m.minDevices(hw, r.params());
        if (r.devices() != null) {
            PlannerException.requirePositive(field("devices"), r.devices());
            if (r.deviceHours() == null && r.devices() < need) {
                throw new DoesNotFitException("training state of " + fmt(r.params()) + " parameters ("
                        + (int) m.bytesPerParam() + " B/param, sharded)", m.bytesPerParam() * r.params(), r.devices(),
                        hw.id(), hw.memoryBytes() * m.usableMemory(), need);
            }
        }
        Layout layout = Layout.of(m, hw, r.precision(), shape, r.params(), active, r.tokens(), r.devices(),
                r.tensorParallel(), r.pipelineParallel(), r.recompute());
        int devices = layout.devices();
        int tp = layout.tensorParallel();
        int pp = layout.pipelineParallel();
        int layoutSize = PlannerException.count("tp x pp", (double) tp * pp, "check " + field("tp") + " and " + field("pp"));
        if (devices % layoutSize != 0) {
            throw new PlannerException(field("devices") + " " + devices + " is not a multiple of tp x pp = " + layoutSize
                    + ": data-parallel degree must be whole");
        }
        boolean modelled = r.mfu() == null && r.deviceHours() == null;
        boolean recompute = modelled ? layout.recompute() : r.recompute();
        double k = m.flopsPerParamToken(recompute);
        double flops = k * active * r.tokens();
        double peak = hw.peakFlops(r.precision());
        double busy;
        double overhead;
        double seconds;
        Interval hoursInterval;
        if (r.deviceHours() != null) {
            seconds = r.deviceHours() * 3600 / devices;
            overhead = 1;
            busy = flops / (devices * peak * seconds);
            if (busy > 1) {
                throw new PlannerException(String.format("%s %.4g implies a utilisation of %.2f of %s's peak:"
                        + " more FLOPs than the devices can do; check %s, %s, %s and %s", field("device_hours"),
                        r.deviceHours(), busy, hw.id(), field("device_hours"), field("tokens"), field("params"), field("hardware")));
            }
            hoursInterval = Interval.exact(r.deviceHours());
        } else if (r.mfu() != null) {
            busy = r.mfu();
            overhead = 1;
            seconds = flops / (devices * peak * busy);
            hoursInterval = Interval.exact(devices * seconds / 3600);
        } else {
            busy = layout.steadyMfu() * k / m.flopsPerParamToken(false);
            overhead = m.runOverhead(devices);
            seconds = flops / (devices * peak * busy) * overhead;
            hoursInterval = Interval.of(devices * seconds / 3600, fit().hours());
        }
        double p = r.devicePowerWatts() != null ? r.devicePowerWatts() : m.devicePowerWatts(hw, Math.min(busy, 1));
        double deviceHours = devices * seconds / 3600;
        double energy = itEnergyJoules(deviceHours, p, host);
        Spread energySpread = r.deviceHours() == null && r.mfu() == null
                ? (r.devicePowerWatts() == null ? fit().energy() : fit().hours())
                : (r.devicePowerWatts() == null ? fit().power() : Spread.NONE);
        int node = Math.max(1, hw.devicesPerNode());
        List<Assumption> a = new ArrayList<>();
        assumptions.describe(r, hw, shape, active, layout, recompute, host, busy, overhead, p, a);
        return new TrainingEstimate(flops, devices, Math.ceilDiv(devices, node), tp, pp,
                busy * m.flopsPerParamToken(false) / k, overhead, seconds, deviceHours, p,
                p * Math.min(node, devices) * (1 + host), devices * p * (1 + host), energy, hoursInterval,
                Interval.of(energy, energySpread), List.copyOf(a));
    }

    /** IT energy of {@code deviceHours} at {@code devicePowerWatts} per device plus a host/network fraction. */
    public static double itEnergyJoules(double deviceHours, double devicePowerWatts, double hostOverhead) {
        return deviceHours * 3600 * devicePowerWatts * (1 + hostOverhead);
    }

    /** Estimates at each device count (overrides of time and power dropped) to show what scaling out costs. */
    public List<TrainingEstimate> scaling(TrainingRequest r, int[] deviceCounts) {
        List<TrainingEstimate> rows = new ArrayList<>();
        int tp = r.tensorParallel() == null ? 1 : r.tensorParallel();
        int pp = r.pipelineParallel() == null ? 1 : r.pipelineParallel();
        for (int k : deviceCounts) {
            if (k < m.minDevices(r.hardware(), r.params()) || k % (tp * pp) != 0) continue;
            try {
                rows.add(estimate(r.withDevices(k).withMeasured(null, null)));
            } catch (PlannerException e) {
                // this count cannot hold the layout: left out of the table
            }
        }
        return rows;
    }

    /** Device counts from a quarter to 16x of {@code devices}, by doublings (those beyond an int left out). */
    public static int[] doublings(int devices) {
        long start = Math.max(1, devices / 4);
        return java.util.stream.LongStream.range(0, 7).map(i -> start << i).filter(k -> k <= Integer.MAX_VALUE)
                .mapToInt(Math::toIntExact).toArray();
    }

    static String fmt(double n) {
        return n >= 1e12 ? String.format("%.3gT", n / 1e12) : n >= 1e9 ? String.format("%.3gB", n / 1e9)
                : String.format("%.3g", n);
    }
}
