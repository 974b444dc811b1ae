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
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        PrintWriter out = spec.commandLine().getOut();
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
        int width = rows.stream().mapToInt(c -> c.row().length()).max().orElse(10);
        String format = "%-5s %-12s %-" + width + "s %12s %12s %8s  %s%n";
        out.printf(Locale.ROOT, format, "mode", "metric", "row", "predicted", "published", "error", "note");
        for (Comparison c : rows) {
            out.printf(Locale.ROOT, format, c.mode(), c.metric(), c.row(),
                    PlanText.num(c.predicted()), PlanText.num(c.published()),
                    Double.isNaN(c.predicted()) ? "-" : String.format(Locale.ROOT, "%+.1f%%", 100 * c.error()), c.note());
        }
        out.println();
        out.println("median absolute error (mode a: arithmetic from published device-hours and power; b: model from N, D, hardware, devices):");
        for (String mode : List.of("a", "b", "infer")) {
            for (String metric : List.of("device_hours", "energy_mwh", "tco2e", "j_per_token")) {
                List<Double> e = rows.stream().filter(c -> c.mode().equals(mode) && c.metric().equals(metric)
                        && !Double.isNaN(c.predicted())).map(c -> Math.abs(c.error())).sorted().toList();
                if (e.isEmpty()) continue;
                double med = e.size() % 2 == 1 ? e.get(e.size() / 2) : (e.get(e.size() / 2 - 1) + e.get(e.size() / 2)) / 2;
                out.printf(Locale.ROOT, "  %-5s %-12s %6.1f%% over %d rows (max %.1f%%)%n", mode, metric, 100 * med, e.size(),
                        100 * e.getLast());
            }
        }
        return 0;
    }

    private static List<Comparison> training(List<Csv.Row> csv) {
        return TrainingValidation.run(csv, TrainingPlanner.shipped(), HardwareCatalog.shipped());
    }

    private static List<Comparison> inference(List<Csv.Row> csv) {
        return InferenceValidation.run(csv, InferencePlanner.shipped(), HardwareCatalog.shipped(), ModelCatalog.shipped());
    }
}
