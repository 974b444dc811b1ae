package dev.wattiq.app.lab;

import dev.wattiq.lab.experiments.Experiment;
import dev.wattiq.lab.experiments.LabConfig;
import dev.wattiq.lab.experiments.Trial;
import dev.wattiq.lab.experiments.WarmUp;
import dev.wattiq.ledger.Site;
import dev.wattiq.meter.SensorEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The answer to a {@link LabRequest}: every trial with the method of its energy figures, the notes the user must see
 * (missing sensors, trials not stored) and the warm-up (null when off). Printed by {@link LabText} and {@link LabJson}.
 */
public record LabResult(Experiment experiment, List<Trial> trials, List<String> methods, List<String> notes, WarmUp warmUp) {
    /** Runs the experiment measured by the sensors of {@code env}, billed at {@code site}. */
    static LabResult of(LabRequest r, SensorEnvironment env, Site site, LabProgress progress) {
        LabConfig c = r.config();
        WarmUp warm = warmUp(r.warmUp(), c, r.experiment() != Experiment.SEED, progress);
        int total = r.experiment().trials(c) * r.repeats();
        List<Trial> trials = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        try (LabSession s = new LabSession(env, site, r.store())) {
            progress.started(total);
            for (int i = 0; i < r.repeats(); i++) {
                trials.addAll(r.experiment().run(c, s.runner(List.of("wattiq", "lab", r.experiment().label()),
                        t -> progress.trialDone(t, done.incrementAndGet(), total))));
            }
            progress.finished();
            return new LabResult(r.experiment(), trials, methods(s, trials), s.notes(), warm);
        }
    }

    /** The JIT's warm-up before the first measured step, reported to {@code progress}; null when {@code on} is false. */
    static WarmUp warmUp(boolean on, LabConfig c, boolean teacher, LabProgress progress) {
        if (!on) return null;
        WarmUp w = WarmUp.run(c, teacher);
        progress.warmedUp(w);
        return w;
    }

    static List<String> methods(LabSession s, List<Trial> trials) {
        List<String> methods = new ArrayList<>();
        for (Trial t : trials) methods.add(s.method(t.measurement()));
        return methods;
    }
}
