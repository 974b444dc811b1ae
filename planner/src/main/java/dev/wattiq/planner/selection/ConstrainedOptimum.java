package dev.wattiq.planner.selection;

import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.frontier.Direction;
import dev.wattiq.planner.table.Table;
import java.util.List;
import java.util.Objects;

/**
 * The best row on one column among the rows that meet every constraint: "least cost subject to quality ≥ q and
 * time ≤ T" is {@code (cost, MIN, [quality>=q, duration_s<=T])}; "best quality within a budget" is
 * {@code (quality, MAX, [cost<=M])}. When no row qualifies it says which constraint binds and how close the rows
 * come. Ties go to a frontier row, then to the earliest.
 */
public final class ConstrainedOptimum implements Selector {
    private final String name;
    private final String column;
    private final Direction direction;
    private final List<Constraint> constraints;

    /**
     * @throws PlannerException when a name or column is blank
     */
    public ConstrainedOptimum(String name, String column, Direction direction, List<Constraint> constraints) {
        this.name = Objects.requireNonNull(name, "name");
        this.column = Objects.requireNonNull(column, "column");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.constraints = List.copyOf(constraints);
        if (column.isBlank()) throw new PlannerException("say which column to optimise, e.g. cost");
    }

    @Override
    public Recommendation choose(Table table, boolean[] frontier) {
        double[] target = table.column(column);
        double[][] bounded = constraints.stream().map(c -> table.column(c.column())).toArray(double[][]::new);
        int best = -1;
        int feasible = 0;
        for (int i = 0; i < table.rows(); i++) {
            if (!meetsAllBut(bounded, i, -1) || Double.isNaN(target[i])) continue;
            feasible++;
            if (best < 0 || better(target[i], target[best]) || target[i] == target[best] && frontier[i] && !frontier[best]) {
                best = i;
            }
        }
        if (best < 0) throw infeasible(table, bounded);
        String where = constraints.isEmpty() ? "" : " among the " + feasible + " rows meeting " + describe();
        return new Recommendation(best, name, (direction == Direction.MIN ? "lowest " : "highest ") + column
                + " (" + Formats.number(target[best]) + ")" + where);
    }

    private boolean better(double a, double b) {
        return direction == Direction.MIN ? a < b : a > b;
    }

    private boolean meetsAllBut(double[][] bounded, int row, int skip) {
        for (int c = 0; c < bounded.length; c++) {
            if (c != skip && !constraints.get(c).test(bounded[c][row])) return false;
        }
        return true;
    }

    private InfeasibleException infeasible(Table table, double[][] bounded) {
        if (table.rows() == 0) return new InfeasibleException("no candidates to choose from: give at least one row", "", Double.NaN);
        // A constraint binds alone when the rows meeting all the others exist but none meets it.
        for (int c = 0; c < bounded.length; c++) {
            double reach = Double.NaN;
            for (int i = 0; i < table.rows(); i++) {
                if (!meetsAllBut(bounded, i, c) || Double.isNaN(bounded[c][i])) continue;
                double v = bounded[c][i];
                if (Double.isNaN(reach) || (constraints.get(c).atMost() ? v < reach : v > reach)) reach = v;
            }
            if (!Double.isNaN(reach)) {
                Constraint k = constraints.get(c);
                String others = bounded.length > 1 ? " among rows meeting the other constraints" : "";
                return new InfeasibleException("no candidate meets " + describe() + ": " + k + " binds; the best "
                        + k.column() + " reachable" + others + " is " + Formats.number(reach)
                        + ": relax that bound or widen the search", k.toString(), reach);
            }
        }
        Constraint k = constraints.isEmpty() ? null : constraints.getFirst();
        if (k == null) return new InfeasibleException("no row has a value for " + column, column, Double.NaN);
        return new InfeasibleException("no candidate meets " + describe() + ": several constraints bind together "
                + "(relaxing any one is not enough); relax two or more, or widen the search", describe(), Double.NaN);
    }

    private String describe() {
        return String.join(" and ", constraints.stream().map(Constraint::toString).toList());
    }
}
