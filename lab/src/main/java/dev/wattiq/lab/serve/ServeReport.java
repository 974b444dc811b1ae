package dev.wattiq.lab.serve;

import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link ServeResult} for people: a fixed-width table and a self-contained HTML page with two inline SVG
 * charts (energy per 1,000 embeddings against fidelity, and against median latency). No scripts, no CDN.
 */
public final class ServeReport {
    private ServeReport() {
    }

    /** The table, one line per configuration, in measurement order. */
    public static String table(ServeResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-9s %5s %7s %10s %11s %11s %10s %9s %8s %-9s%n",
                "precision", "batch", "threads", "J/1k emb", "p50 ms", "p99 ms", "emb/s", "cosine", "top10", "method"));
        for (ServeRow row : r.rows()) {
            sb.append(String.format(Locale.ROOT, "%-9s %5d %7d %10s %11.2f %11.2f %10.1f %9.5f %8.3f %-9s%n",
                    row.precision().label(), row.batch(), row.threads(), num(row.joulesPer1k(), "%.1f"),
                    row.latencyP50Ms(), row.latencyP99Ms(), row.throughputPerSecond(), row.fidelityCosine(),
                    row.topkOverlap(), row.method()));
        }
        return sb.toString();
    }

    /** A complete HTML page: the table and the two charts, with the sensors, assumptions and notes. */
    public static String html(ServeResult r) {
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>WattIQ lab serve</title>")
                .append("<style>body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
                .append("td,th{padding:2px 8px;text-align:right;border-bottom:1px solid #ddd}svg{margin:1em 1em 0 0}")
                .append("</style></head><body>")
                .append("<h1>Serving levers: all-MiniLM-L6-v2 on ONNX Runtime</h1>")
                .append("<p>").append(r.rows().isEmpty() ? 0 : r.rows().getFirst().embeddings())
                .append(" sentences of <i>Pride and Prejudice</i> per configuration; sensors: ")
                .append(esc(r.sensors().isEmpty() ? "none" : String.join(", ", r.sensors()))).append(".</p>");
        boolean energy = r.rows().stream().anyMatch(x -> Double.isFinite(x.joulesPer1k()));
        if (energy) {
            sb.append(chart(r.rows(), "Energy vs fidelity", "top-10 overlap with fp32", true));
            sb.append(chart(r.rows(), "Energy vs latency", "median batch latency, ms (log scale)", false));
        } else {
            sb.append("<p><b>No energy figures</b>: no sensor was available, so the charts are omitted.</p>");
        }
        sb.append("<table><tr><th>precision</th><th>batch</th><th>threads</th><th>J / 1k</th><th>p50 ms</th>")
                .append("<th>p99 ms</th><th>emb/s</th><th>cosine</th><th>top-10</th><th>method</th></tr>");
        for (ServeRow row : r.rows()) {
            sb.append(String.format(Locale.ROOT,
                    "<tr><td>%s</td><td>%d</td><td>%d</td><td>%s</td><td>%.2f</td><td>%.2f</td><td>%.1f</td><td>%.5f</td><td>%.3f</td><td>%s</td></tr>",
                    row.precision().label(), row.batch(), row.threads(), num(row.joulesPer1k(), "%.1f"), row.latencyP50Ms(),
                    row.latencyP99Ms(), row.throughputPerSecond(), row.fidelityCosine(), row.topkOverlap(), esc(row.method())));
        }
        sb.append("</table>");
        if (!r.assumptions().isEmpty()) {
            sb.append("<h2>Assumptions</h2><ul>");
            r.assumptions().forEach((k, v) -> sb.append("<li>").append(esc(k)).append(" = ").append(esc(v)).append("</li>"));
            sb.append("</ul>");
        }
        if (!r.notes().isEmpty()) {
            sb.append("<h2>Notes</h2><ul>");
            for (String n : r.notes()) sb.append("<li>").append(esc(n)).append("</li>");
            sb.append("</ul>");
        }
        return sb.append("</body></html>\n").toString();
    }

    /** One scatter plot: x = J per 1,000 embeddings, y = overlap (fidelity) or p50 latency; a labelled dot per row. */
    static String chart(List<ServeRow> rows, String title, String yLabel, boolean fidelity) {
        int w = 480, h = 320, left = 60, right = 30, top = 40, bottom = 50;
        List<ServeRow> pts = rows.stream().filter(x -> Double.isFinite(x.joulesPer1k())).toList();
        double xMax = pts.stream().mapToDouble(ServeRow::joulesPer1k).max().orElse(1) * 1.08;
        double minOverlap = pts.stream().mapToDouble(ServeRow::topkOverlap).min().orElse(0);
        // Latency spans orders of magnitude across batch sizes: a log scale keeps small batches apart.
        double yMin = fidelity ? Math.max(0, Math.floor((minOverlap - 0.02) * 20) / 20)
                : pts.stream().mapToDouble(ServeRow::latencyP50Ms).min().orElse(1) / 1.3;
        double yMax = fidelity ? 1.0 : pts.stream().mapToDouble(ServeRow::latencyP50Ms).max().orElse(1) * 1.3;
        if (!(yMin > 0) && !fidelity) yMin = 1e-3;
        if (yMax <= yMin) yMax = yMin + 1;
        int x0 = left, x1 = w - right, y0 = h - bottom, y1 = top;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" font-family=\"sans-serif\">", w, h))
                .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-weight=\"bold\" font-size=\"14\">%s</text>", left, esc(title)))
                .append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"16\" r=\"4\" fill=\"%s\"/><text x=\"%d\" y=\"20\" font-size=\"12\">fp32</text>", w - 110, FP32_COLOUR, w - 102))
                .append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"16\" r=\"4\" fill=\"%s\"/><text x=\"%d\" y=\"20\" font-size=\"12\">int8</text>", w - 60, INT8_COLOUR, w - 52))
                .append(String.format(Locale.ROOT, "<path d=\"M%d %d V%d H%d\" fill=\"none\" stroke=\"#444\"/>", x0, y1, y0, x1))
                .append(tick(x0, y0 + 14, "middle", "0")).append(tick(x1, y0 + 14, "end", fmt(xMax)))
                .append(tick(x0 - 4, y0, "end", fmt(yMin))).append(tick(x0 - 4, y1 + 8, "end", fmt(yMax)))
                .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">J per 1,000 embeddings</text>", (x0 + x1) / 2, h - 14))
                .append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">%s</text>",
                        (y0 + y1) / 2, (y0 + y1) / 2, esc(yLabel)));
        for (ServeRow row : pts) {
            double y = fidelity ? row.topkOverlap() : row.latencyP50Ms();
            double px = x0 + row.joulesPer1k() / xMax * (x1 - x0);
            double share = fidelity ? (y - yMin) / (yMax - yMin) : Math.log(Math.max(y, yMin) / yMin) / Math.log(yMax / yMin);
            double py = y0 - share * (y0 - y1);
            String colour = row.precision() == Precision.FP32 ? FP32_COLOUR : INT8_COLOUR;
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" fill-opacity=\"0.8\"><title>%s: %.1f J/1k, %s %.3f</title></circle>",
                    px, py, colour, row.name(), row.joulesPer1k(), fidelity ? "top-10" : "p50 ms", y))
                    .append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" fill=\"%s\">b%d/t%d</text>",
                            px + 5, py - 4, colour, row.batch(), row.threads()));
        }
        return sb.append("</svg>").toString();
    }

    private static final String FP32_COLOUR = "#1f77b4";
    private static final String INT8_COLOUR = "#d62728";

    private static String tick(int x, int y, String anchor, String text) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"%s\">%s</text>", x, y, anchor, esc(text));
    }

    private static String fmt(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String num(double v, String fmt) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, fmt, v) : "n/a";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
