package dev.wattiq.app.tune;

import dev.wattiq.app.output.Numbers;
import dev.wattiq.planner.frontier.ColumnObjective;
import dev.wattiq.planner.selection.Recommendation;
import dev.wattiq.planner.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A points frontier as terminal lines (also the table under an HTML chart). */
final class PointsText {
    private PointsText() {
    }

    static List<String> lines(PointsFrontier f) {
        Table t = f.points().table();
        Recommendation rec = f.choice().recommended();
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "Pareto frontier: %d of %d points over %s", Frontiers.count(f.on()), t.rows(), f.objectives()));
        StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "  %6s  %-20s", "row", "label"));
        for (ColumnObjective o : f.objectives()) h.append(String.format(Locale.ROOT, "  %14s", o.column()));
        out.add(h.toString());
        int[] rows = java.util.stream.IntStream.range(0, t.rows()).filter(i -> f.on()[i]).toArray();
        List<String[]> cells = new ArrayList<>(); // each objective's column in one format (Numbers.column)
        for (ColumnObjective o : f.objectives()) {
            double[] col = t.column(o.column());
            cells.add(Numbers.column(java.util.Arrays.stream(rows).mapToDouble(i -> col[i]).toArray(), 4));
        }
        for (int k = 0; k < rows.length; k++) {
            int i = rows[k];
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s %6d  %-20s", f.choice().row() == i ? "*" : " ",
                    i, clip(f.points().labels().get(i))));
            for (String[] c : cells) sb.append(String.format(Locale.ROOT, "  %14s", c[k]));
            out.add(sb.toString());
        }
        if (rec != null) {
            out.add(String.format(Locale.ROOT, "recommended: row %d (%s)%s — %s: %s", rec.row(), f.points().labels().get(rec.row()),
                    f.on()[rec.row()] ? "" : " [not on the frontier]", rec.strategy(), rec.reason()));
        }
        return out;
    }

    private static String clip(String s) {
        return s.length() <= 20 ? s : s.substring(0, 19) + "…";
    }
}
