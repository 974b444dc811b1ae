package dev.wattiq.app.tune;

import dev.wattiq.app.cli.JsonCommand;
import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.cli.InputFiles;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wattiq tune points}: the Pareto frontier of any table of points, and one recommended with its reason. */
@Command(name = "points", modelTransformer = CliOptions.SharedGroups.class, mixinStandardHelpOptions = true,
        description = {"The Pareto frontier of a CSV table of points (one row per configuration, a header row).",
                "Recommends the balance point (closest to the ideal), or with --pick the best of one column under --where "
                        + "constraints, or with --eta Zeus's eta*E + (1-eta)*Pmax*T."})
public final class TunePointsCommand extends JsonCommand {
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
        return frontier.report(out(), jsonOut, "Pareto frontier of " + input.getFileName(), PointsText.lines(f), f, () -> PointsJson.of(f));
    }
}

