package dev.wattiq.app.tune;

import dev.wattiq.planner.tune.ColumnObjective;
import dev.wattiq.planner.tune.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** Writes the chart when one was asked for. */
    void writeChart(String title, List<ColumnObjective> objs, Table table, boolean[] on, List<String> labels, int chosen, List<String> lines) {
        if (chart == null) return;
        ChartFile.write(chart, title, objs.stream().map(ColumnObjective::column).toList(), Frontiers.columns(table, objs), on, labels,
                chosen, lines);
    }
}
