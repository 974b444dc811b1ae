package dev.wattiq.planner.train;

import dev.wattiq.planner.fit.NelderMead;
import dev.wattiq.planner.fit.Priors;
import dev.wattiq.planner.hardware.Precision;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the training model's coefficients to published runs, in code, so each cross-validation fold refits on its own
 * rows: the median wall-clock of the runs with devices and hours; the kernel efficiency, memory-bound overhead and
 * communication exposure to the device-hours (a Nelder-Mead search of the summed absolute log error, rows weighted
 * 1/sqrt(rows of their family) so no family dominates); then each kind's power floor to the measured average powers.
 * Every search starts from fitted.csv, never from an earlier fit.
 */
public final class TrainingFit {
    static final List<String> HOURS_KEYS = List.of("train.kernel_efficiency", "train.memory_bound_overhead",
            "train.communication_exposure", "train.run_overhead");

    private TrainingFit() {
    }

    /** {@code base} with its coefficients fitted to {@code runs}. */
    public static TrainingModel fit(TrainingModel base, List<TrainingRun> runs, Priors priors, double priorDays) {
        double days = typicalDays(runs, priorDays);
        double[][] box = priors.box(HOURS_KEYS);
        double floorGpu = priors.get("train.power_floor_gpu").start();
        double floorTpu = priors.get("train.power_floor_tpu").start();
        List<TrainingRun> timed = runs.stream().filter(TrainingRun::hasHours).toList();
        double[] weights = familyWeights(timed);
        double[] best = box[0];
        if (!timed.isEmpty()) {
            best = NelderMead.minimise(x -> {
                TrainingModel m = base.with(new TrainingModel.Coefficients(x[0], x[1], x[2], x[3], floorGpu, floorTpu, days));
                double loss = 0;
                for (int i = 0; i < timed.size(); i++) {
                    double e = Math.log(predictHours(m, timed.get(i)) / timed.get(i).deviceHours());
                    loss += weights[i] * (Double.isFinite(e) ? Math.sqrt(e * e + 1e-4) : 50);
                }
                return loss;
            }, box[0], box[1], box[2], box[3], 800);
        }
        TrainingModel m = base.with(new TrainingModel.Coefficients(best[0], best[1], best[2], best[3], floorGpu, floorTpu, days));
        double gpu = fitFloor(m, runs, false, priors.get("train.power_floor_gpu"));
        double tpu = fitFloor(m, runs, true, priors.get("train.power_floor_tpu"));
        return base.with(new TrainingModel.Coefficients(best[0], best[1], best[2], best[3], gpu, tpu, days));
    }

    /** Median wall-clock days of the whole runs with both devices and hours; {@code prior} when there are none. */
    static double typicalDays(List<TrainingRun> runs, double prior) {
        double[] d = runs.stream().filter(r -> r.hasHours() && r.hasDevices() && !r.steady())
                .mapToDouble(r -> r.deviceHours() / r.devices() / 24).sorted().toArray();
        if (d.length == 0) return prior;
        return d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
    }

    private static double[] familyWeights(List<TrainingRun> runs) {
        Map<String, Integer> n = new HashMap<>();
        for (TrainingRun r : runs) n.merge(r.family(), 1, Integer::sum);
        return runs.stream().mapToDouble(r -> 1 / Math.sqrt(n.get(r.family()))).toArray();
    }

    private static double fitFloor(TrainingModel m, List<TrainingRun> runs, boolean tpu, Priors.Prior prior) {
        List<TrainingRun> measured = runs.stream().filter(r -> r.hasMeasuredPower() && r.hasHours()
                && r.hardware().isTpu() == tpu && r.tokens() > 0).toList();
        if (measured.isEmpty()) return prior.start();
        double[] x = NelderMead.minimise(f -> {
            TrainingModel t = m.with(withFloor(m.c, tpu, f[0]));
            double loss = 0;
            for (TrainingRun r : measured) loss += Math.abs(Math.log(predictPower(t, r) / r.avgPowerWatts()));
            return loss;
        }, new double[]{prior.start()}, new double[]{prior.min()}, new double[]{prior.max()}, new double[]{prior.step()}, 200);
        return x[0];
    }

    private static TrainingModel.Coefficients withFloor(TrainingModel.Coefficients c, boolean tpu, double f) {
        return new TrainingModel.Coefficients(c.kernelEfficiency(), c.memoryBoundOverhead(), c.commExposure(),
                c.runOverhead(), tpu ? c.powerFloorGpu() : f, tpu ? f : c.powerFloorTpu(), c.typicalRunDays());
    }

    /** The model's device-hours for a published run: its layout, steady MFU and (whole runs) goodput overhead. */
    public static double predictHours(TrainingModel m, TrainingRun r) {
        Layout l = layout(m, r);
        double peak = r.hardware().peakFlops(Precision.BF16);
        double hours = m.flopsPerParamToken(false) * r.active() * r.tokens() / (peak * l.steadyMfu()) / 3600;
        return r.steady() ? hours : hours * m.runOverhead(l.devices());
    }

    /** The run's layout (its own device count where published). */
    public static Layout layout(TrainingModel m, TrainingRun r) {
        return Layout.of(m, r.hardware(), Precision.BF16, r.shape(), r.params(), r.active(), r.tokens(),
                r.hasDevices() ? (int) Math.round(r.devices()) : null, null, null, false);
    }

    /**
     * The model's average power for a published run at the utilisation its published hours imply, as the source
     * states it (system figures add the default host overhead).
     */
    public static double predictPower(TrainingModel m, TrainingRun r) {
        double p = m.devicePowerWatts(r.hardware(), r.observedMfu(m));
        return r.systemPower() ? p * (1 + m.defaultHostOverhead()) : p;
    }

    /** Median of {@code xs} (NaN when empty). */
    public static double median(double[] xs) {
        double[] v = Arrays.stream(xs).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) return Double.NaN;
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
