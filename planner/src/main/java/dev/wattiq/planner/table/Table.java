package dev.wattiq.planner.table;

import dev.wattiq.ledger.Point;
import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.frontier.Objective;
import dev.wattiq.planner.frontier.PointObjectives;
import java.util.List;

/**
 * Rows of named numeric columns, stored column by column (what the frontier and the selectors read).
 *
 * @param names   column names, unique
 * @param columns {@code columns[j][i]}: column j of row i; all the same length
 */
public record Table(List<String> names, double[][] columns) {
    public Table {
        names = List.copyOf(names);
        if (names.size() != columns.length) {
            throw new IllegalArgumentException(names.size() + " names for " + columns.length + " columns");
        }
        for (double[] c : columns) {
            if (c.length != columns[0].length) throw new IllegalArgumentException("columns differ in length");
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new PlannerException("column names repeat in " + names + ": give each column its own name");
        }
    }

    /** Number of rows. */
    public int rows() {
        return columns.length == 0 ? 0 : columns[0].length;
    }

    /** The column called {@code name}; throws naming the columns there are. */
    public double[] column(String name) {
        int j = names.indexOf(name);
        if (j < 0) throw new PlannerException("no column '" + name + "': the columns are " + names);
        return columns[j];
    }

    /** The Points' objectives as a table: energy_j, duration_s, cost, co2e_location_kg, co2e_market_kg, quality. */
    public static Table of(List<Point> points) {
        List<Objective<Point>> all = PointObjectives.ALL;
        double[][] cols = new double[all.size()][points.size()];
        for (int j = 0; j < all.size(); j++) {
            for (int i = 0; i < points.size(); i++) cols[j][i] = all.get(j).value().applyAsDouble(points.get(i));
        }
        return new Table(all.stream().map(Objective::name).toList(), cols);
    }
}
