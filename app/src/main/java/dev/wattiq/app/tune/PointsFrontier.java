package dev.wattiq.app.tune;

import dev.wattiq.app.cli.Errors;
import dev.wattiq.planner.frontier.ColumnObjective;
import dev.wattiq.planner.selection.Constraint;
import dev.wattiq.planner.selection.Selector;
import dev.wattiq.planner.selection.ZeusWeighted;
import dev.wattiq.planner.table.PointsCsv;
import dev.wattiq.planner.table.Table;
import java.util.ArrayList;
import java.util.List;

import static dev.wattiq.meter.UserInputException.field;

/** The answer to a {@link PointsRequest}: the table, its frontier and the recommendation (or why there is none). */
public record PointsFrontier(PointsRequest request, PointsCsv points, List<ColumnObjective> objectives, List<Constraint> constraints,
                             boolean[] on, Frontiers.Choice choice) implements Frontiers.Frontier {
    @Override
    public Table table() {
        return points.table();
    }

    @Override
    public List<String> labels() {
        return points.labels();
    }

    public static PointsFrontier of(PointsRequest r) {
        if (r.objectives() == null) throw new Errors.UserError("no objectives: give " + field("objectives") + " COL:min|max,..., e.g. energy_j:min,accuracy:max");
        List<ColumnObjective> objs = ColumnObjective.parseList(r.objectives());
        List<Constraint> constraints = r.where().stream().map(Constraint::parse).toList();
        if (r.eta() != null && r.pick() != null) throw new Errors.UserError(field("eta") + " and " + field("pick") + " choose in different ways: give one of them");
        if (r.eta() != null && r.maxPowerWatts() == null) throw new Errors.UserError(field("eta") + " needs " + field("max_power_w") + " (the power that prices time), e.g. 300");
        List<String> numeric = new ArrayList<>(objs.stream().map(ColumnObjective::column).toList());
        constraints.forEach(c -> numeric.add(c.column()));
        if (r.pick() != null) numeric.add(Frontiers.pickColumn(r.pick()));
        if (r.eta() != null) {
            numeric.add(r.energyColumn());
            numeric.add(r.timeColumn());
        }
        PointsCsv points = PointsCsv.parse(r.csv(), r.origin(), numeric);
        boolean[] on = Frontiers.mask(points.table(), objs);
        Selector selector = r.eta() != null ? new ZeusWeighted(r.eta(), r.maxPowerWatts(), r.energyColumn(), r.timeColumn())
                : Frontiers.selector(objs, constraints, r.pick());
        return new PointsFrontier(r, points, objs, constraints, on, Frontiers.choose(selector, points.table(), on));
    }
}
