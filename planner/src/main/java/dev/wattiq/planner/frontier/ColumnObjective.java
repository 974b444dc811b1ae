package dev.wattiq.planner.frontier;

import dev.wattiq.planner.PlannerException;
import java.util.ArrayList;
import java.util.List;

/**
 * An objective over a named table column, as written on the command line: {@code energy_j:min}.
 *
 * @param column    the column's name
 * @param direction min or max
 */
public record ColumnObjective(String column, Direction direction) {
    /**
     * Parses {@code col:min,col:max,...}.
     *
     * @throws PlannerException naming the malformed or repeated entry
     */
    public static List<ColumnObjective> parseList(String spec) {
        List<ColumnObjective> out = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            String p = part.strip();
            int colon = p.lastIndexOf(':');
            if (colon <= 0 || colon == p.length() - 1) {
                throw new PlannerException("objective '" + p + "' is not COLUMN:min or COLUMN:max: write e.g. energy_j:min,accuracy:max");
            }
            Direction d;
            try {
                d = Direction.parse(p.substring(colon + 1));
            } catch (PlannerException e) {
                throw new PlannerException("objective '" + p + "': " + e.getMessage());
            }
            String name = p.substring(0, colon).strip();
            if (out.stream().anyMatch(o -> o.column().equals(name))) {
                throw new PlannerException("objective column '" + name + "' is given twice: name each column once");
            }
            out.add(new ColumnObjective(name, d));
        }
        return out;
    }

    @Override
    public String toString() {
        return column + ":" + direction.word();
    }
}
