package dev.wattiq.lab.experiments;

import dev.wattiq.lab.engine.DataParallel;
import dev.wattiq.lab.engine.Model;
import dev.wattiq.lab.engine.Precision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code parallel}: synchronous data-parallel SGD (DDP's mathematics) with K = 1 .. max workers on the teacher
 * task, the global batch split evenly (a K that does not divide the batch is skipped). Reports time, energy per
 * worker and the share of the loop spent synchronising.
 */
final class ParallelExperiment {
    private ParallelExperiment() {
    }

    static List<Trial> run(LabConfig c, LabRunner runner) {
        TeacherTask task = new TeacherTask(c.width(), c.outputs(), c.seed());
        List<Trial> out = new ArrayList<>();
        double oneWorker = Double.NaN;
        for (int k = 1; k <= c.maxWorkers(); k++) {
            if (c.batch() % k != 0) continue;
            final int workers = k;
            final double base = oneWorker;
            Map<String, String> config = c.asConfig();
            config.put("task", "teacher");
            config.put("workers", Integer.toString(k));
            Trial t = runner.measure("parallel-k" + k, config, () -> {
                List<Model> replicas = new ArrayList<>();
                DataParallel.Result r = DataParallel.train(
                        w -> Model.of(c.width(), c.hidden(), c.outputs(), c.seed(), Precision.FP32),
                        workers, c.steps(), c.batch(), c.lr(),
                        (step, worker, first, rows, x, y) -> task.fill(step, first, rows, x, y), replicas);
                Map<String, Double> f = new LinkedHashMap<>();
                f.put("workers", (double) workers);
                f.put("step_us", r.loopSeconds() / c.steps() * 1e6);
                f.put("sync_share", r.syncShare());
                if (!Double.isNaN(base)) f.put("speedup", base / r.loopSeconds());
                return new LabRunner.Outcome(r.loopSeconds(), r.losses()[c.steps() - 1], task.evaluate(replicas.get(0)), f);
            });
            if (k == 1) oneWorker = t.loopSeconds();
            Map<String, Double> f = new LinkedHashMap<>(t.figures());
            f.put("energy_per_worker_j", t.measurement().totalJoules() / k);
            out.add(new Trial(t.name(), t.config(), t.loopSeconds(), t.finalLoss(), t.quality(), f, t.measurement(), t.point()));
        }
        return out;
    }
}
