package dev.wattiq.planner.train;

import dev.wattiq.planner.Assumption;
import dev.wattiq.planner.DoesNotFitException;
import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.data.Defaults;
import dev.wattiq.planner.fit.Interval;
import dev.wattiq.planner.fit.Priors;
import dev.wattiq.planner.fit.Spread;
import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.hardware.Precision;
import dev.wattiq.planner.model.ModelArchitecture;
import dev.wattiq.planner.model.ModelCatalog;
import dev.wattiq.planner.published.TrainingRuns;

import java.util.ArrayList;
import java.util.List;

/**
 * Training plans from the step physics of {@link TrainingModel}, fitted to published runs ({@link TrainingCalibration}):
 * FLOPs = k·N_active·D (k = 6, or 8 with activation recomputation); time = FLOPs / (devices x peak x steady MFU) x
 * (1 + goodput overhead); device power from the utilisation with a training floor; host and network add a fraction.
 * Every figure carries the 80% interval of the model's out-of-sample residuals.
 *
 * <p>{@link #evaluate} is the allocation-free hot path for the tuner (intervals included); {@link #estimate} validates
 * a request, lays it out and lists every assumption.
 */
public final class TrainingPlanner {
    private final Defaults defaults;
    private final TrainingCalibration calibration;
    private final TrainingModel m;
    private final double hoursLow;
    private final double hoursHigh;
    private final double energyLow;
    private final double energyHigh;
    private final double powerLow;
    private final double powerHigh;

    /** The planner shipped in the jar, fitted at first use to validation/training_runs.csv. */
    private static final class Shipped {
        static final TrainingPlanner PLANNER = fitted(Defaults.shipped(), shippedRuns().runs());
    }

    public TrainingPlanner(Defaults d, TrainingCalibration calibration) {
        this.defaults = d;
        this.calibration = calibration;
        this.m = calibration.model();
        Spread h = calibration.hoursSpread();
        Spread e = calibration.energySpread();
        Spread p = calibration.powerSpread();
        hoursLow = h.lowFactor();
        hoursHigh = h.highFactor();
        energyLow = e.lowFactor();
        energyHigh = e.highFactor();
        powerLow = p.lowFactor();
        powerHigh = p.highFactor();
    }

    /** A planner fitted (and cross-validated) on {@code runs}. */
    public static TrainingPlanner fitted(Defaults d, List<TrainingRun> runs) {
        TrainingModel base = new TrainingModel(d, new TrainingModel.Coefficients(0.5, 0, 0, 0, 1, 1,
                d.get("train.typical_run_days")));
        return new TrainingPlanner(d, TrainingCalibration.of(base, runs, Priors.shipped(), d.get("train.typical_run_days")));
    }

    /** The published runs shipped in the jar (validation/training_runs.csv), parsed. */
    public static TrainingRuns shippedRuns() {
        return TrainingRuns.parse("training_runs.csv", dev.wattiq.meter.io.Csv.resource(TrainingPlanner.class,
                "/dev/wattiq/planner/validation/training_runs.csv").rows(), HardwareCatalog.shipped(), ModelCatalog.shipped());
    }

    public static TrainingPlanner shipped() {
        return Shipped.PLANNER;
    }

    public TrainingCalibration calibration() {
        return calibration;
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
        double k = m.flopsPerParamToken(recompute);
        double flops = k * activeParams * tokens;
        double peak = hw.peakFlops(precision);
        double busy;
        double overhead;
        double hLo = 1;
        double hHi = 1;
        if (Double.isNaN(mfuOverride)) {
            int layers = (int) Math.max(1, Math.round(Math.cbrt(activeParams / (12.0 * 128 * 128))));
            busy = m.steadyMfu(hw, peak, activeParams, activeParams, layers, layers, 128.0 * layers, 0, 0, devices,
                    tensorParallel, pipelineParallel);
            overhead = m.runOverhead(devices);
            hLo = hoursLow;
            hHi = hoursHigh;
        } else {
            busy = mfuOverride;
            overhead = 1;
        }
        double seconds = flops / (devices * peak * busy) * overhead;
        double p = m.devicePowerWatts(hw, busy);
        out.flops = flops;
        out.utilisation = busy * m.flopsPerParamToken(false) / k;
        out.durationSeconds = seconds;
        out.deviceHours = devices * seconds / 3600;
        out.deviceHoursP10 = out.deviceHours * hLo;
        out.deviceHoursP90 = out.deviceHours * hHi;
        out.devicePowerWatts = p;
        out.itPowerWatts = devices * p * (1 + hostOverhead);
        out.itEnergyJoules = out.itPowerWatts * seconds;
        boolean modelled = Double.isNaN(mfuOverride);
        out.itEnergyJoulesP10 = out.itEnergyJoules * (modelled ? energyLow : powerLow);
        out.itEnergyJoulesP90 = out.itEnergyJoules * (modelled ? energyHigh : powerHigh);
    }

    /** Validates {@code r}, lays it out, applies overrides and lists every assumption used. */
    public TrainingEstimate estimate(TrainingRequest r) {
        Hardware hw = r.hardware();
        PlannerException.requirePositive("params", r.params());
        PlannerException.requirePositive("tokens", r.tokens());
        double active = PlannerException.requirePositive("active parameters", r.active());
        if (active > r.params()) {
            throw new PlannerException("active parameters (" + active + ") exceed total parameters (" + r.params()
                    + "): active parameters are a subset of all parameters");
        }
        if (r.tensorParallel() != null && r.tensorParallel() < 1 || r.pipelineParallel() != null && r.pipelineParallel() < 1) {
            throw new PlannerException("tensor and pipeline degrees must be >= 1: use 1 for none");
        }
        if (r.mfu() != null) PlannerException.requireFraction("utilisation", r.mfu(), false);
        if (r.deviceHours() != null) PlannerException.requirePositive("device-hours", r.deviceHours());
        if (r.devicePowerWatts() != null) PlannerException.requirePositive("device power", r.devicePowerWatts());
        hw.requirePeakFlops(r.precision());
        double host = r.hostOverhead() == null ? m.defaultHostOverhead()
                : PlannerException.requireNonNegative("host overhead", r.hostOverhead());
        ModelArchitecture shape = r.architecture();
        int need = m.minDevices(hw, r.params());
        if (r.devices() != null) {
            PlannerException.requirePositive("devices", r.devices());
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
        if (devices % (tp * pp) != 0) {
            throw new PlannerException(devices + " devices are not a multiple of tensor x pipeline = " + tp * pp
                    + ": the data-parallel degree must be whole");
        }
        double k = m.flopsPerParamToken(layout.recompute());
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
                throw new PlannerException(String.format("%.4g device-hours imply a utilisation of %.2f of %s's peak:"
                        + " more FLOPs than the devices can do; check the device-hours, tokens, parameters and hardware",
                        r.deviceHours(), busy, hw.id()));
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
            hoursInterval = Interval.of(devices * seconds / 3600, calibration.hoursSpread());
        }
        double p = r.devicePowerWatts() != null ? r.devicePowerWatts() : m.devicePowerWatts(hw, Math.min(busy, 1));
        double deviceHours = devices * seconds / 3600;
        double energy = itEnergyJoules(deviceHours, p, host);
        Spread energySpread = r.deviceHours() == null && r.mfu() == null
                ? (r.devicePowerWatts() == null ? calibration.energySpread() : calibration.hoursSpread())
                : (r.devicePowerWatts() == null ? calibration.powerSpread() : Spread.NONE);
        int node = Math.max(1, hw.devicesPerNode());
        List<Assumption> a = new ArrayList<>();
        new TrainingAssumptions(defaults, calibration).describe(r, hw, shape, active, layout, host, busy, overhead, p, a);
        return new TrainingEstimate(flops, devices, (devices + node - 1) / node, tp, pp,
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

    /** Device counts from a quarter to 16x of {@code devices}, by doublings. */
    public static int[] doublings(int devices) {
        int start = Math.max(1, devices / 4);
        int[] ks = new int[7];
        for (int i = 0; i < ks.length; i++) ks[i] = start << i;
        return ks;
    }

    static String fmt(double n) {
        return n >= 1e12 ? String.format("%.3gT", n / 1e12) : n >= 1e9 ? String.format("%.3gB", n / 1e9)
                : String.format("%.3g", n);
    }
}
