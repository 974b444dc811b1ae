package dev.wattiq.lab.experiments;

import dev.wattiq.lab.engine.Model;
import dev.wattiq.lab.engine.Precision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code seed}: the article's first snippet exactly (random inputs and targets, so there is no quality to learn). */
final class SeedExperiment {
    private SeedExperiment() {
    }

    static List<Trial> run(LabConfig c, LabRunner runner) {
        Map<String, String> config = c.asConfig();
        config.put("task", "random");
        return List.of(runner.measure("seed", config, () -> {
            Model m = Model.of(c.width(), c.hidden(), c.outputs(), c.seed(), Precision.FP32);
            Training.Run r = Training.seedLoop(m, c);
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("step_us", r.stepMicros(c.steps()));
            f.put("rng_us_per_step", r.rngSeconds() / c.steps() * 1e6);
            // CPU time of the training thread: on a shared machine the wall time also counts time spent descheduled
            f.put("cpu_us_per_step", r.cpuSeconds() / c.steps() * 1e6);
            f.put("compute_us_per_step", (r.loopSeconds() - r.rngSeconds()) / c.steps() * 1e6);
            return new LabRunner.Outcome(r.loopSeconds(), r.finalLoss(), null, f);
        }));
    }
}
