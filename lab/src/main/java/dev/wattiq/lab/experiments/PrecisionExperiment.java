package dev.wattiq.lab.experiments;

import dev.wattiq.lab.engine.Model;
import dev.wattiq.lab.engine.Precision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code quality} and {@code precision}: the model trained on the teacher task in fp32 ({@code quality}), and in
 * bf16 and fp16 mixed precision with float32 master weights (fp16 with dynamic loss scaling). The 16-bit rounding
 * is emulated on this CPU, so those runs are slower here, not faster: they show the numerics, honestly timed.
 */
final class PrecisionExperiment {
    private PrecisionExperiment() {
    }

    static Trial train(String name, LabConfig c, Precision p, TeacherTask task, LabRunner runner) {
        Map<String, String> config = c.asConfig();
        config.put("task", "teacher");
        config.put("precision", p.label());
        if (p != Precision.FP32) config.put("emulated", "true"); // no 16-bit arithmetic here: the numerics, not the speed
        return runner.measure(name, config, () -> {
            Model m = Model.of(c.width(), c.hidden(), c.outputs(), c.seed(), p);
            Training.Run r = Training.teacherLoop(m, task, c, 0, c.steps());
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("step_us", r.stepMicros(c.steps()));
            f.put("data_us_per_step", r.rngSeconds() / c.steps() * 1e6);
            f.put("compute_us_per_step", (r.loopSeconds() - r.rngSeconds()) / c.steps() * 1e6);
            if (p == Precision.FP16) {
                f.put("loss_scale", (double) m.lossScale());
                f.put("skipped_steps", (double) m.skippedSteps());
            }
            return new LabRunner.Outcome(r.loopSeconds(), r.finalLoss(), task.evaluate(m), f);
        });
    }

    static List<Trial> quality(LabConfig c, LabRunner runner) {
        return List.of(train("quality", c, Precision.FP32, new TeacherTask(c.width(), c.outputs(), c.seed()), runner));
    }

    static List<Trial> precision(LabConfig c, LabRunner runner, boolean includeFp32) {
        TeacherTask task = new TeacherTask(c.width(), c.outputs(), c.seed());
        List<Trial> out = new ArrayList<>();
        for (Precision p : Precision.values()) {
            if (p == Precision.FP32 && !includeFp32) continue;
            out.add(train("precision-" + p.label(), c, p, task, runner));
        }
        return out;
    }
}
