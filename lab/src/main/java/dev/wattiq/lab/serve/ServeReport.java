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
                .append(".fp32{fill:#1f77b4}.int8{fill:#d62728}</style></head><body>")
                .append("<h1>Serving levers: all-MiniLM-L6-v2 on ONNX Runtime</h1>")
                .append("<p>").append(r.rows().isEmpty() ? 0 : r.rows().getFirst().embeddings())
                .append(" sentences of <i>Pride and Prejudice</i> per configuration; sensors: ")
                .append(esc(r.sensors().isEmpty() ? "none" : String.join(", ", r.sensors()))).append(".</p>");
        boolean energy = r.rows().stream().anyMatch(x -> Double.isFinite(x.joulesPer1k()));
        if (energy) {
            sb.append(chart(r.rows(), "Energy vs fidelity", "top-10 overlap with fp32", true));
            sb.append(chart(r.rows(), "Energy vs latency", "median batch latency (ms)", false));
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

    /** One scatter plot: x = J per 1,000 embeddings, y = overlap (fidelity) or p50 latency; a dot per row. */
    static String chart(List<ServeRow> rows, String title, String yLabel, boolean fidelity) {
        int w = 460, h = 300, left = 60, right = 20, top = 30, bottom = 45;
        List<ServeRow> pts = rows.stream().filter(x -> Double.isFinite(x.joulesPer1k())).toList();
        double xMax = pts.stream().mapToDouble(ServeRow::joulesPer1k).max().orElse(1) * 1.05;
        double yMin = fidelity ? Math.min(0.9, pts.stream().mapToDouble(ServeRow::topkOverlap).min().orElse(0)) : 0;
        double yMax = fidelity ? 1.0 : pts.stream().mapToDouble(ServeRow::latencyP50Ms).max().orElse(1) * 1.05;
        if (yMax <= yMin) yMax = yMin + 1;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">", w, h))
                .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-weight=\"bold\">%s</text>", left, esc(title)))
                .append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>", left, h - bottom, w - right, h - bottom))
                .append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>", left, top, left, h - bottom))
                .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\">J per 1,000 embeddings (0 to %.0f)</text>", left, h - 10, xMax))
                .append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" font-size=\"12\" transform=\"rotate(-90 12 %d)\">%s (%.2f to %.2f)</text>",
                        h - bottom, h - bottom, esc(yLabel), yMin, yMax));
        for (ServeRow row : pts) {
            double y = fidelity ? row.topkOverlap() : row.latencyP50Ms();
            double px = left + row.joulesPer1k() / xMax * (w - left - right);
            double py = (h - bottom) - (y - yMin) / (yMax - yMin) * (h - top - bottom);
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" class=\"%s\"><title>%s: %.1f J/1k, %s %.3f</title></circle>",
                    px, py, row.precision().label(), row.name(), row.joulesPer1k(), fidelity ? "top-10" : "p50 ms", y));
        }
        sb.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"4\" class=\"fp32\"/><text x=\"%d\" y=\"%d\" font-size=\"12\">fp32</text>", w - 110, top, w - 102, top + 4))
                .append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"4\" class=\"int8\"/><text x=\"%d\" y=\"%d\" font-size=\"12\">int8</text>", w - 60, top, w - 52, top + 4));
        return sb.append("</svg>").toString();
    }

    private static String num(double v, String fmt) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, fmt, v) : "n/a";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
