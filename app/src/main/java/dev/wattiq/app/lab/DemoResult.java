package dev.wattiq.app.lab;

import dev.wattiq.lab.experiments.Experiment;
import dev.wattiq.lab.experiments.LabConfig;
import dev.wattiq.lab.experiments.LabRunner;
import dev.wattiq.lab.experiments.Trial;
import dev.wattiq.lab.experiments.WarmUp;
import dev.wattiq.ledger.Site;
import dev.wattiq.meter.SensorEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The answer to a {@link DemoRequest}: every configuration pooled over its passes, the Pareto frontier and the
 * recommendation ({@link Balance}), the notes the user must see and the warm-up (null when off). Printed by
 * {@link LabText}, {@link LabJson} and {@link DemoHtml}.
 */
public record DemoResult(LabConfig config, List<Trial> trials, List<String> methods, Balance balance, List<String> notes, WarmUp warmUp) {
    /** Runs the set measured by the sensors of {@code env}, billed at {@code site}. */
    static DemoResult of(DemoRequest r, SensorEnvironment env, Site site, LabProgress progress) {
        LabConfig c = r.config();
        WarmUp warm = LabResult.warmUp(r.warmUp(), c, true, progress);
        int total = Experiment.allTrials(c, r.sweep()) * r.repeats();
        AtomicInteger done = new AtomicInteger();
        List<Trial> trials;
        List<String> methods;
        List<String> notes;
        try (LabSession s = new LabSession(env, site, r.store())) {
            progress.started(total);
            // Each pass measures every configuration once; passes follow one another (round-robin), so the spread
            // between a configuration's runs includes the load's drift over the demo (LabRunner.pooled)
            List<List<Trial>> passes = new ArrayList<>();
            for (int i = 0; i < r.repeats(); i++) {
                passes.add(Experiment.all(c, s.runner(List.of("wattiq", "demo"), t -> progress.trialDone(t, done.incrementAndGet(), total)),
                        r.sweep()));
            }
            trials = LabRunner.pooled(passes);
            progress.finished();
            methods = LabResult.methods(s, trials);
            notes = s.notes();
        }
        return new DemoResult(c, trials, methods, Balance.of(trials, r.tolerance()), notes, warm);
    }
}
