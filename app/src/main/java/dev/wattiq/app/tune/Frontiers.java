package dev.wattiq.app.tune;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wattiq.app.output.Json;
import dev.wattiq.planner.frontier.ColumnObjective;
import dev.wattiq.planner.frontier.Direction;
import dev.wattiq.planner.frontier.Pareto;
import dev.wattiq.planner.selection.ConstrainedOptimum;
import dev.wattiq.planner.selection.Constraint;
import dev.wattiq.planner.selection.InfeasibleException;
import dev.wattiq.planner.selection.Knee;
import dev.wattiq.planner.selection.Recommendation;
import dev.wattiq.planner.selection.Selector;
import dev.wattiq.planner.table.Table;
import java.util.List;

/** What {@code tune points} and {@code tune lab} share: the frontier of a table, one recommendation, their JSON parts. */
final class Frontiers {
    private Frontiers() {
    }

    /** A table's frontier and recommendation, as the printers and the chart see it. */
    interface Frontier {
        List<ColumnObjective> objectives();

        Table table();

        /** Which rows are on the frontier. */
        boolean[] on();

        /** One label per row. */
        List<String> labels();

        Choice choice();
    }

    /** A recommendation, or why there is none (the constraints cannot all be met). */
    record Choice(Recommendation recommended, InfeasibleException infeasible) {
        /** The recommended row, or -1. */
        int row() {
            return recommended == null ? -1 : recommended.row();
        }
    }

    /** Which rows of {@code table} are on the Pareto frontier over {@code objs}. */
    static boolean[] mask(Table table, List<ColumnObjective> objs) {
        return Pareto.mask(columns(table, objs), objs.stream().map(ColumnObjective::direction).toArray(Direction[]::new),
                objs.stream().map(ColumnObjective::column).toArray(String[]::new));
    }

    /** The objectives' columns of {@code table}, in order (the chart's axes). */
    static double[][] columns(Table table, List<ColumnObjective> objs) {
        return objs.stream().map(o -> table.column(o.column())).toArray(double[][]::new);
    }

    /**
     * The balance point (closest to the ideal) when neither {@code pick} ({@code COL[:min|max]}) nor constraints are
     * given; else the best row on the picked column (default: the first objective) that meets the constraints.
     */
    static Selector selector(List<ColumnObjective> objs, List<Constraint> constraints, String pick) {
        if (pick == null && constraints.isEmpty()) {
            return new Knee(objs.stream().map(ColumnObjective::column).toList(), objs.stream().map(ColumnObjective::direction).toList());
        }
        String column = pick == null ? objs.getFirst().column() : pickColumn(pick);
        Direction d = pick != null && pick.contains(":") ? Direction.parse(pick.substring(pick.lastIndexOf(':') + 1))
                : objs.stream().filter(o -> o.column().equals(column)).map(ColumnObjective::direction).findFirst().orElse(Direction.MIN);
        return new ConstrainedOptimum("best-" + column, column, d, constraints);
    }

    /** The column of a {@code COL[:min|max]} pick. */
    static String pickColumn(String pick) {
        return pick.contains(":") ? pick.substring(0, pick.lastIndexOf(':')) : pick;
    }

    static Choice choose(Selector selector, Table table, boolean[] on) {
        try {
            return new Choice(selector.choose(table, on), null);
        } catch (InfeasibleException e) {
            return new Choice(null, e);
        }
    }

    static int count(boolean[] on) {
        int n = 0;
        for (boolean b : on) if (b) n++;
        return n;
    }

    static void objectives(ObjectNode root, List<ColumnObjective> objs) {
        ArrayNode o = root.putArray("objectives");
        for (ColumnObjective c : objs) o.addObject().put("column", c.column()).put("direction", c.direction().word());
    }

    /** {@code "infeasible": {binding, best_reachable, message}} when there is no recommendation. */
    static void infeasible(ObjectNode root, Choice c) {
        if (c.infeasible() == null) return;
        ObjectNode x = root.putObject("infeasible");
        x.put("binding", c.infeasible().binding());
        Json.num(x, "best_reachable", c.infeasible().bestReachable());
        x.put("message", c.infeasible().getMessage());
    }
}
