package dev.wattiq.app.lab;

import dev.wattiq.lab.experiments.Trial;
import dev.wattiq.ledger.Point;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** A self-contained HTML report: an inline SVG chart of energy against quality and the table. No scripts, no CDN. */
public final class DemoHtml {
    private static final int W = 720, H = 420, PAD = 60;

    private DemoHtml() {
    }

    public static String render(List<Trial> trials, Balance b, List<String> notes) {
        StringBuilder s = new StringBuilder();
        s.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>WattIQ demo: energy vs quality</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
                .append("td,th{padding:3px 8px;border-bottom:1px solid #ddd;text-align:right}td:first-child,th:first-child{text-align:left}")
                .append(".rec{background:#e8f5e9}.note{color:#a15c00}</style></head><body>\n")
                .append("<h1>The article's experiments: energy against quality</h1>\n");
        s.append(chart(trials, b));
        s.append("<p><b>Recommended:</b> ").append(esc(b.reason())).append("</p>\n");
        s.append("<table><tr><th>experiment</th><th>time (s)</th><th>energy (J)</th><th>cost</th><th>CO2e (g)</th><th>R²</th><th>R² per Wh</th><th>Pareto</th></tr>\n");
        for (int i = 0; i < trials.size(); i++) {
            Point p = trials.get(i).point();
            s.append(i == b.recommended() ? "<tr class=\"rec\">" : "<tr>")
                    .append(td(p.name())).append(td(LabTable.fmt(p.durationSeconds()))).append(td(LabTable.fmt(p.energyJoules())))
                    .append(td(LabTable.fmt(p.cost()) + " " + p.currency())).append(td(LabTable.fmt(p.co2eLocationKg() * 1000)))
                    .append(td(LabTable.fixed(p.quality()))).append(td(LabTable.fmt(LabTable.qualityPerWh(p))))
                    .append(td(b.pareto()[i] ? "yes" : "")).append("</tr>\n");
        }
        s.append("</table>\n");
        for (String n : notes) s.append("<p class=\"note\">").append(esc(n)).append("</p>\n");
        return s.append("</body></html>\n").toString();
    }

    private static String chart(List<Trial> trials, Balance b) {
        List<Integer> idx = new ArrayList<>();
        double xMax = 0, yMin = 1, yMax = 0;
        for (int i = 0; i < trials.size(); i++) {
            Point p = trials.get(i).point();
            if (!Double.isFinite(p.quality())) continue;
            idx.add(i);
            xMax = Math.max(xMax, p.energyJoules());
            yMin = Math.min(yMin, p.quality());
            yMax = Math.max(yMax, p.quality());
        }
        if (idx.isEmpty()) return "<p>No experiment has a quality figure to chart.</p>\n";
        if (xMax <= 0) xMax = 1;
        if (yMax - yMin < 1e-3) { yMin -= 0.01; yMax += 0.01; }
        final double fx = xMax * 1.05, y0 = yMin - (yMax - yMin) * 0.05, y1 = yMax + (yMax - yMin) * 0.05;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"energy against quality\">\n", W, H));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" stroke=\"#999\"/>\n", PAD, 20, W - PAD - 20, H - PAD - 20));
        for (int k = 0; k <= 4; k++) {
            double xv = fx * k / 4, yv = y0 + (y1 - y0) * k / 4;
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>\n", x(xv, fx), H - PAD + 16, LabTable.fmt(xv)));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%.3f</text>\n", PAD - 4, y(yv, y0, y1) + 4, yv));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">energy (J)</text>\n", W / 2, H - 12));
        s.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" font-size=\"12\" transform=\"rotate(-90 14 %d)\" text-anchor=\"middle\">quality (test R²)</text>\n", H / 2, H / 2));
        List<Integer> front = new ArrayList<>();
        for (int i : idx) if (b.pareto()[i]) front.add(i);
        front.sort(Comparator.comparingDouble(i -> trials.get(i).point().energyJoules()));
        StringBuilder line = new StringBuilder();
        for (int i : front) {
            Point p = trials.get(i).point();
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(p.energyJoules(), fx), y(p.quality(), y0, y1)));
        }
        s.append("<polyline fill=\"none\" stroke=\"#2e7d32\" stroke-width=\"1.5\" points=\"").append(line.toString().trim()).append("\"/>\n");
        for (int i : idx) {
            Point p = trials.get(i).point();
            double cx = x(p.energyJoules(), fx), cy = y(p.quality(), y0, y1);
            String fill = b.pareto()[i] ? "#2e7d32" : "#90a4ae";
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\"><title>%s</title></circle>\n",
                    cx, cy, i == b.recommended() ? 7 : 4, fill, esc(p.name() + ": " + LabTable.fmt(p.energyJoules()) + " J, R² " + LabTable.fixed(p.quality()))));
            if (b.pareto()[i] || i == b.recommended()) {
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\">%s</text>\n", cx + 6, cy - 6,
                        esc(p.name() + (i == b.recommended() ? " (recommended)" : ""))));
            }
        }
        return s.append("</svg>\n").toString();
    }

    private static double x(double v, double max) {
        return PAD + v / max * (W - PAD - 20);
    }

    private static double y(double v, double lo, double hi) {
        return 20 + (hi - v) / (hi - lo) * (H - PAD - 20);
    }

    private static String td(String v) {
        return "<td>" + esc(v) + "</td>";
    }

    static String esc(String v) {
        return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
