package dev.wattiq.app.tune;

import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.cli.InputFiles;
import dev.wattiq.app.cli.JsonOut;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wattiq tune points}: the Pareto frontier of any table of points, and one recommended with its reason. */
@Command(name = "points", modelTransformer = CliOptions.SharedGroups.class, mixinStandardHelpOptions = true,
        description = {"The Pareto frontier of a CSV table of points (one row per configuration, a header row).",
                "Recommends the balance point (closest to the ideal), or with --pick the best of one column under --where "
                        + "constraints, or with --eta Zeus's eta*E + (1-eta)*Pmax*T."})
public final class TunePointsCommand implements Callable<Integer>, JsonOut.Holder {
    @Spec
    CommandSpec spec;
    @Option(names = "--input", required = true, paramLabel = "FILE.csv", description = "Points: a header row, one row per point.")
    Path input;
    @Mixin
    FrontierOptions frontier;
    @Option(names = "--pick", paramLabel = "COL[:min|max]", description = "Recommend the best row on this column meeting --where (default direction: the objective's, else min).")
    String pick;
    @Option(names = "--eta", paramLabel = "X", description = "Recommend by Zeus's cost eta*E + (1-eta)*Pmax*T (0..1); needs --max-power-w.")
    Double eta;
    @Option(names = "--max-power-w", paramLabel = "W", description = "Pmax for --eta, in watts.")
    Double maxPowerWatts;
    @Option(names = "--energy-column", defaultValue = PointsRequest.DEFAULT_ENERGY_COLUMN, paramLabel = "COL", description = "Energy column (J) for --eta (default: ${DEFAULT-VALUE}).")
    String energyColumn;
    @Option(names = "--time-column", defaultValue = PointsRequest.DEFAULT_TIME_COLUMN, paramLabel = "COL", description = "Time column (s) for --eta (default: ${DEFAULT-VALUE}).")
    String timeColumn;
    final JsonOut jsonOut = new JsonOut();

    @Override
    public JsonOut jsonOut() {
        return jsonOut;
    }

    /** The request these options make (the --input file read). */
    PointsRequest request() {
        return new PointsRequest(InputFiles.read("--input", input), input.toString(), frontier.objectives(), frontier.where(), pick, eta,
                maxPowerWatts, energyColumn, timeColumn);
    }

    @Override
    public Integer call() {
        jsonOut.check();
        frontier.checkChart();
        PointsFrontier f = PointsFrontier.of(request());
        List<String> lines = PointsText.lines(f);
        PrintWriter out = spec.commandLine().getOut();
        lines.forEach(out::println);
        if (f.choice().infeasible() != null) out.println("no recommendation: " + f.choice().infeasible().getMessage());
        out.flush();
        jsonOut.write(() -> PointsJson.of(f));
        frontier.writeChart("Pareto frontier of " + input.getFileName(), f.objectives(), f.points().table(), f.on(),
                f.points().labels(), f.choice().row(), lines);
        if (f.choice().infeasible() != null) throw new Errors.UserError(f.choice().infeasible().getMessage());
        return 0;
    }

}
