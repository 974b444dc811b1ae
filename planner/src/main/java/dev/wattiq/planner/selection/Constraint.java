package dev.wattiq.planner.selection;

import dev.wattiq.planner.PlannerException;
import java.util.Objects;

/**
 * A bound on one column: {@code column <= bound} or {@code column >= bound}.
 *
 * @param column  the column's name
 * @param atMost  true for {@code <=}, false for {@code >=}
 * @param bound   a finite number
 */
public record Constraint(String column, boolean atMost, double bound) {
    public Constraint {
        Objects.requireNonNull(column, "column");
        if (column.isBlank()) throw new PlannerException("a constraint needs a column, e.g. time_s<=3600");
        if (!Double.isFinite(bound)) {
            throw new PlannerException("constraint on " + column + " has bound " + bound + ": give a finite number");
        }
    }

    /** {@code column <= bound}. */
    public static Constraint atMost(String column, double bound) {
        return new Constraint(column, true, bound);
    }

    /** {@code column >= bound}. */
    public static Constraint atLeast(String column, double bound) {
        return new Constraint(column, false, bound);
    }

    /** Parses {@code col<=value} or {@code col>=value}. */
    public static Constraint parse(String text) {
        int le = text.indexOf("<=");
        int ge = text.indexOf(">=");
        int at = le >= 0 ? le : ge;
        if (at <= 0 || (le >= 0 && ge >= 0)) {
            throw new PlannerException("constraint '" + text + "' is not COLUMN<=VALUE or COLUMN>=VALUE: e.g. time_s<=3600");
        }
        String value = text.substring(at + 2).strip();
        try {
            return new Constraint(text.substring(0, at).strip(), le >= 0, Double.parseDouble(value));
        } catch (NumberFormatException e) {
            throw new PlannerException("constraint '" + text + "': '" + value + "' is not a number: e.g. time_s<=3600");
        }
    }

    /** Whether {@code value} meets the bound (NaN never does). */
    public boolean test(double value) {
        return atMost ? value <= bound : value >= bound;
    }

    @Override
    public String toString() {
        return column + (atMost ? "<=" : ">=") + Formats.number(bound);
    }
}
