package dev.wattiq.lab.experiments;

import dev.wattiq.lab.engine.Dense;
import dev.wattiq.lab.engine.Model;
import dev.wattiq.lab.engine.NormalRandom;
import dev.wattiq.lab.engine.Precision;
import dev.wattiq.lab.engine.Pruning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code prune}: magnitude pruning with the mask held through training. The standard recipe: train dense for half
 * the steps, prune by L1 magnitude, fine-tune the rest with the mask applied; the article's literal variant
 * (pruned at initialisation) and whole-row (structured) pruning beside it; a sweep of the amount from 0 to 95%.
 * Pruned runs execute on kernels that skip the removed weights whenever that is faster, which a kernel timing at
 * each sparsity decides first: the lowest sparsity at which the sparse kernels beat the dense ones is reported.
 */
final class PruneExperiment {
    static final double[] SWEEP = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95};

    private PruneExperiment() {
    }

    /** Per-step microseconds of dense (masked) and sparse execution at one sparsity, data excluded. */
    record KernelTiming(double sparsity, double denseStepMicros, double sparseStepMicros) {
    }

    static List<KernelTiming> kernelSweep(LabConfig c) {
        int n = Math.max(10, Math.min(200, c.steps() / 10));
        float[] x = new float[c.batch() * c.width()];
        float[] t = new float[c.batch() * c.outputs()];
        NormalRandom rng = new NormalRandom(c.seed() + 7);
        rng.fill(x);
        rng.fill(t);
        List<KernelTiming> out = new ArrayList<>();
        for (double s : SWEEP) {
            Model m = Model.of(c.width(), c.hidden(), c.outputs(), c.seed(), Precision.FP32);
            for (Dense d : m.layers()) d.setMask(Pruning.l1Unstructured(d.weights(), s));
            double dense = timeSteps(m, x, t, c, n);
            for (Dense d : m.layers()) d.setSparseExecution(true);
            double sparse = timeSteps(m, x, t, c, n);
            out.add(new KernelTiming(s, dense, sparse));
        }
        return out;
    }

    private static double timeSteps(Model m, float[] x, float[] t, LabConfig c, int n) {
        for (int k = 0; k < Math.max(3, n / 5); k++) m.trainStep(x, t, c.batch(), c.lr()); // warm up
        long a = System.nanoTime();
        for (int k = 0; k < n; k++) m.trainStep(x, t, c.batch(), c.lr());
        return (System.nanoTime() - a) / 1e3 / n;
    }

    /** The lowest swept sparsity at which sparse kernels are faster, or NaN when they never are. */
    static double breakEven(List<KernelTiming> timings) {
        for (KernelTiming k : timings) if (k.sparsity() > 0 && k.sparseStepMicros() < k.denseStepMicros()) return k.sparsity();
        return Double.NaN;
    }

    static List<Trial> run(LabConfig c, LabRunner runner, boolean sweep) {
        return run(c, runner, sweep ? SWEEP : new double[0]);
    }

    /** The three 50% runs, then L1 at every amount of {@code sweep} except 0.5 (already run). */
    static List<Trial> run(LabConfig c, LabRunner runner, double[] sweep) {
        TeacherTask task = new TeacherTask(c.width(), c.outputs(), c.seed());
        List<KernelTiming> timings = kernelSweep(c);
        double even = breakEven(timings);
        List<Trial> out = new ArrayList<>();
        int half = c.steps() / 2;
        out.add(train("prune-l1-50", c, task, 0.5, false, half, timings, even, runner));
        out.add(train("prune-l1-50-init", c, task, 0.5, false, 0, timings, even, runner));
        out.add(train("prune-rows-50", c, task, 0.5, true, half, timings, even, runner));
        for (double s : sweep) {
            if (s == 0.5) continue;
            out.add(train("prune-l1-" + Math.round(s * 100), c, task, s, false, half, timings, even, runner));
        }
        return out;
    }

    private static Trial train(String name, LabConfig c, TeacherTask task, double amount, boolean rows, int pruneAt,
                               List<KernelTiming> timings, double breakEven, LabRunner runner) {
        boolean sparse = amount > 0 && !Double.isNaN(breakEven) && amount >= breakEven;
        Map<String, String> config = c.asConfig();
        config.put("task", "teacher");
        config.put("pruning", rows ? "rows_l1" : "l1_unstructured");
        config.put("amount", Double.toString(amount));
        config.put("pruned_at_step", Integer.toString(pruneAt));
        config.put("execution", sparse ? "sparse" : "dense");
        return runner.measure(name, config, () -> {
            Model m = Model.of(c.width(), c.hidden(), c.outputs(), c.seed(), Precision.FP32);
            Training.Run before = Training.teacherLoop(m, task, c, 0, pruneAt);
            List<Dense> layers = m.layers();
            for (int l = 0; l < layers.size(); l++) {
                Dense d = layers.get(l);
                if (rows && layers.size() > 1 && l == layers.size() - 1) continue; // never prune whole outputs of an MLP
                d.setMask(rows ? Pruning.rowsByL1(d.weights(), d.out(), d.in(), amount) : Pruning.l1Unstructured(d.weights(), amount));
                d.setSparseExecution(sparse);
            }
            Training.Run after = Training.teacherLoop(m, task, c, pruneAt, c.steps());
            double loop = before.loopSeconds() + after.loopSeconds();
            double loss = c.steps() > pruneAt ? after.finalLoss() : before.finalLoss();
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("sparsity", layers.get(0).sparsity());
            f.put("step_us", loop / c.steps() * 1e6);
            f.put("break_even_sparsity", breakEven);
            KernelTiming k = nearest(timings, amount);
            f.put("dense_kernel_step_us", k.denseStepMicros());
            f.put("sparse_kernel_step_us", k.sparseStepMicros());
            return new LabRunner.Outcome(loop, loss, task.evaluate(m), f);
        });
    }

    private static KernelTiming nearest(List<KernelTiming> timings, double s) {
        KernelTiming best = timings.get(0);
        for (KernelTiming k : timings) if (Math.abs(k.sparsity() - s) < Math.abs(best.sparsity() - s)) best = k;
        return best;
    }
}
