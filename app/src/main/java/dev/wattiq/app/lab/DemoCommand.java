package dev.wattiq.app.lab;

import dev.wattiq.app.cli.JsonCommand;
import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.output.OutputFile;
import dev.wattiq.lab.experiments.Experiment;
import dev.wattiq.lab.experiments.LabConfig;
import dev.wattiq.lab.experiments.Trial;
import dev.wattiq.meter.Scope;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code wattiq demo}: every experiment of the article, measured, priced and stored, then one table with the
 * Pareto-optimal rows marked and the recommended balance between energy and quality.
 */
@Command(name = "demo", modelTransformer = CliOptions.SharedGroups.class, mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the article's experiments end to end and show where energy and quality balance.")
public final class DemoCommand extends JsonCommand.Metered {
    /** Steps of {@code --quick}: at lr 0.01 and batch 100 the fp32 model is then within ~0.003 R² of its noise floor. */
    static final int QUICK_STEPS = 1500;
    /** Steps of the full demo: the article's 1000 leave R² ~0.03 short of the floor, so the demo trains to it. */
    static final int FULL_STEPS = 2000;
    /**
     * Passes over every configuration: the spread between a configuration's runs, one per pass, is the energy noise no
     * recommendation may claim as a saving.
     */
    static final int QUICK_REPEATS = 2;
    static final int FULL_REPEATS = 3;

    @Option(names = "--quick", description = "Shorter set: " + QUICK_STEPS + " steps, a coarser pruning sweep, every configuration measured "
            + QUICK_REPEATS + " times (in passes over the set); under a minute on two cores (full: " + FULL_STEPS + " steps, " + FULL_REPEATS + " times).")
    boolean quick;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write an HTML report with a chart of energy against quality.")
    Path html;

    @Option(names = "--tolerance", paramLabel = "R2", defaultValue = "0",
            description = "Quality the recommendation may give up for less energy, in R², beyond the test-set error (default: "
                    + "${DEFAULT-VALUE}: the same quality only).")
    double tolerance;

    @Option(names = "--no-store", description = "Do not record the runs in the store ($WATTIQ_HOME/wattiq.db).")
    boolean noStore;

    @Mixin
    LabOptions lab;

    @Override
    public Integer call() {
        if (!(tolerance >= 0)) throw new Errors.UserError("--tolerance must be zero or more (R² units), got " + tolerance);
        jsonOut.check();
        if (html != null) OutputFile.checkWritable("--html", html);
        LabConfig c = lab.config(quick ? QUICK_STEPS : FULL_STEPS);
        double[] sweep = quick ? Experiment.QUICK_SWEEP : Experiment.DEMO_SWEEP;
        int repeats = quick ? QUICK_REPEATS : FULL_REPEATS;
        PrintWriter out = out();
        PrintWriter err = err();
        int total = Experiment.allTrials(c, sweep) * repeats;
        AtomicInteger done = new AtomicInteger();
        List<Trial> trials;
        List<String> methods = new ArrayList<>();
        List<String> notes;
        dev.wattiq.meter.SensorEnvironment env = sensors.environment(Scope.PROCESS, ProcessHandle.current().pid());
        dev.wattiq.ledger.Site where = site.site(); // both validated before the warm-up spends seconds
        dev.wattiq.lab.experiments.WarmUp warm = lab.warmUp(c, true, err);
        try (LabSession s = new LabSession(env, where, !noStore)) {
            progress(err, 0, total, "starting");
            // Each pass measures every configuration once; passes follow one another (round-robin), so the spread
            // between a configuration's runs includes the load's drift over the demo (LabRunner.pooled)
            List<List<Trial>> passes = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                passes.add(Experiment.all(c, s.runner(List.of("wattiq", "demo"), t -> progress(err, done.incrementAndGet(), total, t.name())), sweep));
            }
            trials = dev.wattiq.lab.experiments.LabRunner.pooled(passes);
            err.println();
            for (Trial t : trials) methods.add(s.method(t.measurement()));
            notes = s.notes();
        }
        Balance b = Balance.of(trials, tolerance);
        LabTable.print(trials, methods, b, out);
        for (String n : notes) err.println("wattiq: " + n);
        jsonOut.write(() -> {
            Map<String, Object> root = json(c, trials, methods, b, notes);
            root.put("warm_up", LabOptions.json(warm));
            return root;
        });
        if (html != null) OutputFile.write("--html", html, DemoHtml.render(trials, b, notes));
        out.flush();
        return 0;
    }

    static void progress(PrintWriter err, int done, int total, String what) {
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        err.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total + " " + String.format("%-20s", what));
        err.flush();
    }

    static Map<String, Object> json(LabConfig c, List<Trial> trials, List<String> methods, Balance b, List<String> notes) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("config", c.asConfig());
        List<Object> ex = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            Map<String, Object> m = LabJson.trial(trials.get(i), methods.get(i));
            m.put("pareto", b.pareto()[i]);
            m.put("recommended", b.recommended() == i);
            ex.add(m);
        }
        root.put("experiments", ex);
        root.put("recommended", b.recommended() < 0 ? null : trials.get(b.recommended()).name());
        root.put("reason", b.reason());
        root.put("repeats", trials.isEmpty() ? 0 : trials.getFirst().figures().getOrDefault("repeats", 1.0).intValue());
        root.put("energy_noise_rel", Double.isFinite(b.energyNoiseRel()) ? b.energyNoiseRel() : null);
        root.put("notes", notes);
        return root;
    }
}
