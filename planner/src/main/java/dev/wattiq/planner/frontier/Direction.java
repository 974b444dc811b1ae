package dev.wattiq.planner.frontier;

import dev.wattiq.planner.PlannerException;
import java.util.Locale;

/** Whether an objective is to be made small ({@link #MIN}: energy, time, cost, CO2e) or large ({@link #MAX}: quality). */
public enum Direction {
    MIN, MAX;

    /**
     * Parses {@code min} or {@code max} (any case).
     *
     * @throws PlannerException naming the accepted words
     */
    public static Direction parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "min" -> MIN;
            case "max" -> MAX;
            default -> throw new PlannerException(
                    "unknown direction '" + text + "': write min (smaller is better) or max (larger is better)");
        };
    }

    /** The lower-case word, as written on the command line. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
