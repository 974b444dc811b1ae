package dev.wattiq.planner.table;

import dev.wattiq.meter.io.Csv;
import dev.wattiq.planner.PlannerException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * A user's table of points (one row per configuration, a header row) read for {@code wattiq tune points}: the
 * objective and constraint columns as numbers, a label per row from a {@code name}, {@code id} or {@code config}
 * column when there is one. Errors name the line and column.
 *
 * @param table  the numeric columns asked for, in the order asked
 * @param labels one per row
 */
public record PointsCsv(Table table, List<String> labels) {
    private static final List<String> LABEL_COLUMNS = List.of("name", "id", "config", "label");

    public PointsCsv {
        labels = List.copyOf(labels);
    }

    /**
     * Parses {@code text}, reading {@code numericColumns} as finite numbers.
     *
     * @throws PlannerException naming a missing column, or the line and column of a bad value
     */
    public static PointsCsv parse(String text, String origin, List<String> numericColumns) {
        Csv.Table csv = Csv.parse(origin, text);
        if (csv.size() == 0) throw new PlannerException(origin + " has a header but no rows: add one row per point");
        List<String> names = new ArrayList<>(new LinkedHashSet<>(numericColumns));
        double[][] cols = new double[names.size()][csv.size()];
        for (int j = 0; j < names.size(); j++) {
            int c = csv.column(names.get(j));
            for (int i = 0; i < csv.size(); i++) cols[j][i] = csv.row(i).number(c);
        }
        int labelColumn = -1;
        for (String l : LABEL_COLUMNS) {
            for (int c = 0; c < csv.header().size() && labelColumn < 0; c++) {
                if (csv.header().get(c).toLowerCase(Locale.ROOT).equals(l)) labelColumn = c;
            }
        }
        List<String> labels = new ArrayList<>(csv.size());
        for (int i = 0; i < csv.size(); i++) labels.add(labelColumn >= 0 ? csv.row(i).text(labelColumn) : "row " + i);
        return new PointsCsv(new Table(names, cols), labels);
    }
}
