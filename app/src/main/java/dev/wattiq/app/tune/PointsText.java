package dev.wattiq.app.tune;

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
        for (int i = 0; i < t.rows(); i++) {
            if (!f.on()[i]) continue;
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s %6d  %-20s", f.choice().row() == i ? "*" : " ",
                    i, clip(f.points().labels().get(i))));
            for (ColumnObjective o : f.objectives()) sb.append(String.format(Locale.ROOT, "  %14.6g", t.column(o.column())[i]));
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
