package dev.wattiq.app.plan;

import dev.wattiq.app.cli.Errors;
import dev.wattiq.meter.io.Csv;
import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.infer.InferencePlanner;
import dev.wattiq.planner.model.ModelCatalog;
import dev.wattiq.planner.train.TrainingPlanner;
import dev.wattiq.planner.validate.Comparison;
import dev.wattiq.planner.validate.InferenceValidation;
import dev.wattiq.planner.validate.TrainingValidation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wattiq plan validate}: the planner against published training runs and inference measurements. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Run the planner over published runs (training_runs.csv, inference.csv) and print predicted vs published with the error.")
public final class PlanValidateCommand implements Callable<Integer> {
    @Option(names = "--file", paramLabel = "CSV", description = "A training_runs.csv- or inference.csv-shaped file (default: both shipped copies).")
    Path file;
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<Comparison> rows = new ArrayList<>();
        if (file == null) {
            rows.addAll(training(TrainingValidation.shippedRows()));
            rows.addAll(inference(InferenceValidation.shippedRows()));
        } else {
            if (Files.notExists(file)) {
                throw new Errors.UserError("no such file: " + file + " (give the path of a training_runs.csv or inference.csv)");
            }
            Csv.Table csv = Csv.read(file);
            if (csv.size() > 0 && csv.has("tokens_billion")) rows.addAll(training(csv.rows()));
            else if (csv.size() > 0 && csv.has("metric")) rows.addAll(inference(csv.rows()));
            else throw new Errors.UserError(file + " has neither training_runs.csv columns (tokens_billion, device_hours, ...)"
                    + " nor inference.csv columns (metric, value, unit, ...): give one of those files");
        }
        PlanText.validation(spec.commandLine().getOut(), rows);
        return 0;
    }

    private static List<Comparison> training(List<Csv.Row> csv) {
        return TrainingValidation.run(csv, TrainingPlanner.shipped(), HardwareCatalog.shipped());
    }

    private static List<Comparison> inference(List<Csv.Row> csv) {
        return InferenceValidation.run(csv, InferencePlanner.shipped(), HardwareCatalog.shipped(), ModelCatalog.shipped());
    }
}
