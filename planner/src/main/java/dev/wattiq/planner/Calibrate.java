package dev.wattiq.planner;

import dev.wattiq.planner.data.Defaults;
import dev.wattiq.planner.fit.Spread;
import dev.wattiq.planner.fit.StoredCalibration;
import dev.wattiq.planner.infer.InferencePlanner;
import dev.wattiq.planner.infer.ServingCalibration;
import dev.wattiq.planner.infer.ServingFit;
import dev.wattiq.planner.infer.ServingFitSummary;
import dev.wattiq.planner.infer.ServingModel;
import dev.wattiq.planner.train.TrainingCalibration;
import dev.wattiq.planner.train.TrainingFitSummary;
import dev.wattiq.planner.train.TrainingModel;
import dev.wattiq.planner.train.TrainingPlanner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fits both planners to the shipped data (with their leave-one-family-out folds) and writes the result where the
 * planners look for it ({@link StoredCalibration}); run by the build after compiling. The same code fits at run time
 * when the stored file is absent or stale, so this only saves the start-up cost.
 */
public final class Calibrate {
    private Calibrate() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: Calibrate OUTPUT_FILE");
        Defaults d = Defaults.shipped();
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, StoredCalibration.format(values(
                TrainingPlanner.calibrate(d, TrainingPlanner.shippedRuns().runs()),
                InferencePlanner.calibrate(d, InferencePlanner.shippedRuns().runs()))), StandardCharsets.UTF_8);
    }

    /** The stored form of both fits. */
    public static Map<String, Double> values(TrainingCalibration t, ServingCalibration s) {
        Map<String, Double> v = new LinkedHashMap<>();
        TrainingModel.Coefficients c = t.model().coefficients();
        v.put("train.kernel_efficiency", c.kernelEfficiency());
        v.put("train.memory_bound_overhead", c.memoryBoundOverhead());
        v.put("train.communication_exposure", c.commExposure());
        v.put("train.run_overhead", c.runOverhead());
        v.put("train.power_floor_gpu", c.powerFloorGpu());
        v.put("train.power_floor_tpu", c.powerFloorTpu());
        v.put("train.typical_run_days", c.typicalRunDays());
        TrainingFitSummary ts = t.summary();
        put(v, "train.hours", ts.hours());
        put(v, "train.power", ts.power());
        put(v, "train.energy", ts.energy());
        v.put("train.runs", (double) ts.runs());
        ServingModel.Coefficients k = s.model().coefficients();
        double[] x = {k.bandwidthEfficiency(), k.computeEfficiency(), k.layerOverheadSeconds(), k.allReduceSeconds(),
                k.allToAllSeconds(), k.sequenceOverheadSeconds(), k.activityMemory(), k.activityLayer(), k.activitySequence()};
        for (int i = 0; i < x.length; i++) v.put(ServingFit.KEYS.get(i), x[i]);
        put(v, "infer.j_per_token", s.summary().spread());
        v.put("infer.rows", (double) s.summary().rows());
        return v;
    }

    private static void put(Map<String, Double> v, String prefix, Spread s) {
        v.put(prefix + ".lo", s.lo());
        v.put(prefix + ".hi", s.hi());
        v.put(prefix + ".count", (double) s.count());
    }

    /** The training summary stored in {@code s}, on {@code base}'s constants. */
    public static TrainingFitSummary training(StoredCalibration s, TrainingModel base) {
        TrainingModel m = base.with(new TrainingModel.Coefficients(s.get("train.kernel_efficiency"),
                s.get("train.memory_bound_overhead"), s.get("train.communication_exposure"), s.get("train.run_overhead"),
                s.get("train.power_floor_gpu"), s.get("train.power_floor_tpu"), s.get("train.typical_run_days")));
        return new TrainingFitSummary(m, s.spread("train.hours"), s.spread("train.power"), s.spread("train.energy"),
                (int) s.get("train.runs"));
    }

    /** The serving summary stored in {@code s}, on {@code base}'s constants. */
    public static ServingFitSummary serving(StoredCalibration s, ServingModel base) {
        double[] x = new double[ServingFit.KEYS.size()];
        for (int i = 0; i < x.length; i++) x[i] = s.get(ServingFit.KEYS.get(i));
        return new ServingFitSummary(base.with(ServingModel.Coefficients.of(x)), s.spread("infer.j_per_token"),
                (int) s.get("infer.rows"));
    }
}
