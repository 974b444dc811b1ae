package dev.wattiq.app.tune;

import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.cli.JsonOut;
import dev.wattiq.planner.frontier.ColumnObjective;
import dev.wattiq.planner.selection.InfeasibleException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** Objectives, constraints and the chart: a picocli mixin of {@code tune points} and {@code tune lab}. */
public final class FrontierOptions {
    @Option(names = "--objectives", paramLabel = "COL:min|max,...",
            description = "Columns to trade off, e.g. energy_j:min,duration_s:min,accuracy:max (tune lab: among energy_j, duration_s, "
                    + "quality, cost, co2e_kg; default " + TuneLabCommand.DEFAULT_OBJECTIVES + ").")
    String objectives;
    @Option(names = "--where", paramLabel = "COL<=V|COL>=V",
            description = "A constraint for the recommendation (repeatable), e.g. --where 'accuracy>=0.9' (quoted: the shell reads > as a redirection).")
    List<String> where = new ArrayList<>();
    @Option(names = "--chart", paramLabel = "FILE.svg|FILE.html", description = "Write a chart of the frontier (first two objectives as axes).")
    Path chart;

    /** The objectives given, or null. */
    String objectives() {
        return objectives;
    }

    List<String> where() {
        return where;
    }

    /** Fails before any work when the chart cannot be written. */
    void checkChart() {
        if (chart != null) ChartFile.check(chart);
    }

    /**
     * Prints the frontier's {@code lines} (and why there is no recommendation), writes its JSON and chart where asked,
     * then fails with the reason when no row meets the constraints.
     */
    int report(PrintWriter out, JsonOut jsonOut, String title, List<String> lines, Frontiers.Frontier f, Supplier<?> json) {
        InfeasibleException infeasible = f.choice().infeasible();
        lines.forEach(out::println);
        if (infeasible != null) out.println("no recommendation: " + infeasible.getMessage());
        out.flush();
        jsonOut.write(json);
        if (chart != null) {
            ChartFile.write(chart, title, f.objectives().stream().map(ColumnObjective::column).toList(), Frontiers.columns(f.table(), f.objectives()),
                    f.on(), f.labels(), f.choice().row(), lines);
        }
        if (infeasible != null) throw new Errors.UserError(infeasible.marked());
        return 0;
    }
}
