package dev.wattiq.app.lab;

import dev.wattiq.app.cli.CommandGroup;
import dev.wattiq.app.cli.JsonCommand;
import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.output.Json;
import dev.wattiq.lab.experiments.Experiment;
import dev.wattiq.lab.experiments.FixedDataset;
import dev.wattiq.lab.experiments.LabConfig;
import dev.wattiq.lab.experiments.Trial;
import dev.wattiq.meter.Scope;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wattiq lab}: the article's experiments one at a time, each training run measured, priced and stored. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Run one of the article's experiments on WattIQ's own training engine, under the meter.",
        subcommands = {
                LabCommand.Seed.class,
                LabCommand.Quality.class,
                LabCommand.Precision.class,
                LabCommand.Prune.class,
                LabCommand.Parallel.class,
                LabServeCommand.class,
        })
public final class LabCommand extends CommandGroup {
    /** What every experiment subcommand shares: sizes, sensors, site, output. */
    abstract static class ExperimentCommand extends JsonCommand.Metered {
        @Mixin
        LabOptions lab;

        @Option(names = "--no-store", description = "Do not record the runs in the store ($WATTIQ_HOME/wattiq.db).")
        boolean noStore;

        abstract Experiment experiment();

        /** How many times to run the experiment in this process. */
        int repeats() {
            return 1;
        }

        @Override
        public Integer call() {
            jsonOut.check();
            LabConfig c = lab.config(LabConfig.article().steps());
            PrintWriter out = out();
            PrintWriter err = err();
            List<Trial> trials = new ArrayList<>();
            List<String> methods = new ArrayList<>();
            if (repeats() < 1) throw new Errors.UserError("--repeats must be at least 1, got " + repeats());
            dev.wattiq.meter.SensorEnvironment env = sensors.environment(Scope.PROCESS, ProcessHandle.current().pid());
            dev.wattiq.ledger.Site where = site.site(); // both validated before the warm-up spends seconds
            dev.wattiq.lab.experiments.WarmUp warm = lab.warmUp(c, experiment() != Experiment.SEED, err);
            try (LabSession s = new LabSession(env, where, !noStore)) {
                for (int r = 0; r < repeats(); r++) {
                    trials.addAll(experiment().run(c, s.runner(List.of("wattiq", "lab", experiment().label()), t -> {
                        err.println("wattiq: " + t.name() + " done in " + String.format(java.util.Locale.ROOT, "%.2f s", t.loopSeconds()));
                        err.flush();
                    })));
                }
                for (Trial t : trials) methods.add(s.method(t.measurement()));
                LabTable.print(trials, methods, null, out);
                for (String n : s.notes()) err.println("wattiq: " + n);
                jsonOut.write(() -> {
                    java.util.Map<String, Object> root = LabJson.lab(experiment().label(), trials, methods, s.notes());
                    root.put("warm_up", LabOptions.json(warm));
                    return root;
                });
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "seed", modelTransformer = CliOptions.SharedGroups.class, mixinStandardHelpOptions = true, description = "The article's loop: Linear(1000, 10), MSE, SGD, fresh random batches.")
    static final class Seed extends ExperimentCommand {
        @Option(names = "--repeats", paramLabel = "R", defaultValue = "1",
                description = "Run the loop R times in this process, each its own measured trial (benchmarks: the first warms the JIT).")
        int repeats;

        @Option(names = "--dataset", paramLabel = "DIR", description = "Train on a dataset and initial weights exported by "
                + "examples/seed/fixed_dataset.py instead (no meter): prints the loss of every step, to compare with PyTorch's.")
        Path dataset;

        Experiment experiment() {
            return Experiment.SEED;
        }

        @Override
        int repeats() {
            return repeats;
        }

        @Override
        public Integer call() {
            if (dataset == null) return super.call();
            jsonOut.check();
            LabConfig c = lab.config(200);
            FixedDataset d = FixedDataset.read(dataset, c.width()); // its input errors are the user's (UserInputException)
            long t0 = System.nanoTime();
            double[] losses = d.train(c.steps(), c.batch(), c.lr());
            double loop = (System.nanoTime() - t0) / 1e9;
            java.util.Map<String, Object> root = new java.util.LinkedHashMap<>();
            root.put("experiment", "seed-fixed-dataset");
            root.put("dataset", dataset.toString());
            root.put("loop_s", loop);
            root.put("final_loss", losses[losses.length - 1]);
            root.put("losses", losses);
            if (jsonOut.file() != null) jsonOut.write(() -> root);
            else out().println(Json.text(root));
            out().flush();
            return 0;
        }
    }

    @Command(name = "quality", modelTransformer = CliOptions.SharedGroups.class, mixinStandardHelpOptions = true, description = "The same model on a teacher task: test MSE, R², distance to the noise floor.")
    static final class Quality extends ExperimentCommand {
        Experiment experiment() {
            return Experiment.QUALITY;
        }
    }

    @Command(name = "precision", modelTransformer = CliOptions.SharedGroups.class, mixinStandardHelpOptions = true, description = "fp32, bf16 and fp16 mixed precision (fp32 master weights, fp16 loss scaling).")
    static final class Precision extends ExperimentCommand {
        Experiment experiment() {
            return Experiment.PRECISION;
        }
    }

    @Command(name = "prune", modelTransformer = CliOptions.SharedGroups.class, mixinStandardHelpOptions = true, description = "L1 pruning at 50%% (as the article), whole-row pruning, and a 0-95%% sweep on sparse kernels.")
    static final class Prune extends ExperimentCommand {
        Experiment experiment() {
            return Experiment.PRUNE;
        }
    }

    @Command(name = "parallel", modelTransformer = CliOptions.SharedGroups.class, mixinStandardHelpOptions = true, description = "Data-parallel SGD with K = 1 .. cores workers (DDP's gradient averaging).")
    static final class Parallel extends ExperimentCommand {
        Experiment experiment() {
            return Experiment.PARALLEL;
        }
    }
}
