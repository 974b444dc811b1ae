package dev.wattiq.app.lab;

import dev.wattiq.app.cli.CommandGroup;
import dev.wattiq.app.cli.JsonCommand;
import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.output.Json;
import dev.wattiq.lab.experiments.Experiment;
import dev.wattiq.lab.experiments.LabConfig;
import dev.wattiq.meter.Scope;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code wattiq lab}: the article's experiments one at a time, each training run measured, priced and stored. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Run one of the article's experiments on WattIQ's own training engine, under the meter.")
public final class LabCommand extends CommandGroup {
    /** The experiments that take only the shared options, in help order after seed, with their help lines. */
    private static final Map<Experiment, String> EXPERIMENTS = new LinkedHashMap<>();

    static {
        EXPERIMENTS.put(Experiment.QUALITY, "The same model on a teacher task: test MSE, R², distance to the noise floor.");
        EXPERIMENTS.put(Experiment.PRECISION, "fp32, bf16 and fp16 mixed precision (fp32 master weights, fp16 loss scaling).");
        EXPERIMENTS.put(Experiment.PRUNE, "L1 pruning at 50%% (as the article), whole-row pruning, and a 0-95%% sweep on sparse kernels.");
        EXPERIMENTS.put(Experiment.PARALLEL, "Data-parallel SGD with K = 1 .. cores workers (DDP's gradient averaging).");
    }

    /** The command with its subcommands: seed, one {@link ExperimentCommand} per row of {@link #EXPERIMENTS}, serve. */
    public static CommandSpec spec() {
        CommandSpec s = CommandSpec.forAnnotatedObject(new LabCommand());
        s.addSubcommand("seed", new CommandLine(new Seed()));
        EXPERIMENTS.forEach((e, help) -> {
            CommandLine c = new CommandLine(new ExperimentCommand(e));
            c.getCommandSpec().name(e.label()).usageMessage().description(help);
            s.addSubcommand(e.label(), c);
        });
        s.addSubcommand("serve", new CommandLine(new LabServeCommand()));
        return s;
    }

    /** One experiment: what every experiment subcommand shares (sizes, sensors, site, output). */
    @Command(modelTransformer = CliOptions.SharedGroups.class, mixinStandardHelpOptions = true)
    static class ExperimentCommand extends JsonCommand.Metered {
        private final Experiment experiment;

        @Mixin
        LabOptions lab;

        ExperimentCommand(Experiment experiment) {
            this.experiment = experiment;
        }

        /** How many times to run the experiment in this process. */
        int repeats() {
            return 1;
        }

        @Override
        public Integer call() {
            jsonOut.check();
            LabRequest request = new LabRequest(experiment, lab.config(LabConfig.article().steps()), repeats(), lab.warmUp(), lab.store());
            // the sensors and the site, both validated before the warm-up spends seconds
            LabResult r = LabResult.of(request, sensors.environment(Scope.PROCESS, ProcessHandle.current().pid()), site.site(),
                    LabText.lines(err()));
            LabText.lab(out(), err(), r);
            jsonOut.write(() -> LabJson.lab(r));
            out().flush();
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

        Seed() {
            super(Experiment.SEED);
        }

        @Override
        int repeats() {
            return repeats;
        }

        @Override
        public Integer call() {
            if (dataset == null) return super.call();
            jsonOut.check();
            FixedRun r = FixedRun.of(dataset, lab.config(200));
            if (jsonOut.file() != null) jsonOut.write(r::json);
            else out().println(Json.text(r.json()));
            out().flush();
            return 0;
        }
    }
}
