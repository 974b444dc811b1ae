package dev.wattiq.app.plan;

import dev.wattiq.app.cli.Errors;
import dev.wattiq.meter.io.Csv;
import dev.wattiq.planner.data.Defaults;
import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.infer.InferencePlanner;
import dev.wattiq.planner.model.ModelCatalog;
import dev.wattiq.planner.published.ServingRuns;
import dev.wattiq.planner.published.TrainingRuns;
import dev.wattiq.planner.train.TrainingPlanner;
import dev.wattiq.planner.validate.InferenceValidation;
import dev.wattiq.planner.validate.Report;
import dev.wattiq.planner.validate.TrainingValidation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wattiq plan validate}: the planner against published training runs and serving measurements, out-of-sample
 * first (each row predicted by the fit that did not see its model family, or by the fit on every shipped row for a
 * file of rows it never saw), then in-sample, with the 80% interval's coverage and width.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Replay published runs (training_runs.csv, inference.csv) through the planner: out-of-sample and in-sample errors, 80%% interval coverage, and every row not scored with its line and reason.")
public final class PlanValidateCommand implements Callable<Integer> {
    @Option(names = "--file", paramLabel = "CSV", description = "A training_runs.csv- or inference.csv-shaped file (default: both shipped copies).")
    Path file;
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Report report;
        if (file == null) {
            report = TrainingValidation.run(TrainingPlanner.shippedRuns(), TrainingPlanner.shipped())
                    .and(InferenceValidation.run(InferencePlanner.shippedRuns(), InferencePlanner.shipped()));
        } else {
            if (Files.notExists(file)) {
                throw new Errors.UserError("no such file: " + file + " (give the path of a training_runs.csv or inference.csv)");
            }
            Csv.Table csv = Csv.read(file);
            String name = file.getFileName().toString();
            if (csv.size() > 0 && csv.has("tokens_billion")) {
                report = TrainingValidation.run(TrainingRuns.parse(name, csv.rows(), HardwareCatalog.shipped(),
                        ModelCatalog.shipped()), TrainingPlanner.shipped());
            } else if (csv.size() > 0 && csv.has("metric")) {
                report = InferenceValidation.run(ServingRuns.parse(name, csv.rows(), HardwareCatalog.shipped(),
                        ModelCatalog.shipped(), Defaults.shipped()), InferencePlanner.shipped());
            } else {
                throw new Errors.UserError(file + " has neither training_runs.csv columns (tokens_billion, device_hours, ...)"
                        + " nor inference.csv columns (metric, value, unit, ...): give one of those files");
            }
        }
        ValidationText.print(spec.commandLine().getOut(), report);
        return 0;
    }
}
