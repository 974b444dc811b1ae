package dev.wattiq.planner.selection;

import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.frontier.Direction;
import dev.wattiq.planner.table.Table;
import java.util.List;

/** The named selection strategies over {@link Table#of Point tables}, each validating its arguments. */
public final class Selectors {
    private Selectors() {
    }

    /** What a budget is counted in, and the Point column it bounds. */
    public enum Budget {
        /** Money in the points' currency. */
        MONEY("cost", 1),
        /** IT energy in kWh (bounds energy_j). */
        KWH("energy_j", 3.6e6),
        /** Location-based tonnes CO2e (bounds co2e_location_kg). */
        TCO2E("co2e_location_kg", 1000);

        private final String column;
        private final double perUnit;

        Budget(String column, double perUnit) {
            this.column = column;
            this.perUnit = perUnit;
        }
    }

    /** Least cost subject to quality ≥ {@code minQuality} and time ≤ {@code maxSeconds}. */
    public static Selector leastCost(double minQuality, double maxSeconds) {
        if (Double.isNaN(minQuality)) throw new PlannerException("minimum quality is not a number: give one");
        PlannerException.requirePositive("maximum time (s)", maxSeconds);
        return new ConstrainedOptimum("least-cost", "cost", Direction.MIN,
                List.of(Constraint.atLeast("quality", minQuality), Constraint.atMost("duration_s", maxSeconds)));
    }

    /** Best quality within a budget of {@code amount} in {@code budget}'s unit. */
    public static Selector bestQualityWithin(Budget budget, double amount) {
        PlannerException.requirePositive("budget", amount);
        return new ConstrainedOptimum("best-quality", "quality", Direction.MAX,
                List.of(Constraint.atMost(budget.column, amount * budget.perUnit)));
    }

    /** Zeus's η·E + (1−η)·P_max·T. */
    public static Selector zeus(double eta, double maxPowerWatts) {
        return new ZeusWeighted(eta, maxPowerWatts);
    }
}
