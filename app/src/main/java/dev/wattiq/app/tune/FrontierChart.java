package dev.wattiq.app.tune;

import java.util.List;
import java.util.Locale;

/**
 * A scatter chart of points over two objectives, frontier points filled and joined, the recommended point ringed:
 * plain SVG, or an HTML page with the SVG inline (no scripts, no network). Each point's tooltip lists every objective.
 */
final class FrontierChart {
    private static final int W = 720;
    private static final int H = 480;
    private static final int PAD = 64;

    private FrontierChart() {
    }

    /**
     * @param names   objective names; the first two are the axes
     * @param values  {@code values[j][i]}: objective j of point i
     * @param on      frontier mask
     * @param labels  one per point
     * @param chosen  recommended point, or -1
     */
    static String svg(String title, List<String> names, double[][] values, boolean[] on, List<String> labels, int chosen) {
        double[] x = values[0];
        double[] y = values.length > 1 ? values[1] : new double[x.length];
        String yName = names.size() > 1 ? names.get(1) : "";
        double[] xr = range(x);
        double[] yr = range(y);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", W, H, W, H));
        sb.append(String.format(Locale.ROOT, "<title>%s</title>%n<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", esc(title), W, H));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\">%s</text>%n", PAD, esc(title)));
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>%n", PAD, H - PAD, W - PAD / 2, H - PAD));
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>%n", PAD, H - PAD, PAD, PAD / 2 + 16));
        for (int t = 0; t <= 4; t++) {
            double fx = xr[0] + (xr[1] - xr[0]) * t / 4;
            double fy = yr[0] + (yr[1] - yr[0]) * t / 4;
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px(fx, xr), H - PAD + 16, fmt(fx)));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", PAD - 6, py(fy, yr) + 4, fmt(fy)));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", (W + PAD) / 2, H - 20, esc(names.getFirst())));
        sb.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\" text-anchor=\"middle\">%s</text>%n", H / 2, H / 2, esc(yName)));
        // The frontier as a line through its points in x order.
        Integer[] front = java.util.stream.IntStream.range(0, x.length).filter(i -> on[i]).boxed()
                .sorted((a, b) -> Double.compare(x[a], x[b])).toArray(Integer[]::new);
        if (front.length > 1) {
            sb.append("<polyline fill=\"none\" stroke=\"#1b7837\" stroke-width=\"1.5\" points=\"");
            for (int i : front) sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", px(x[i], xr), py(y[i], yr)));
            sb.append("\"/>\n");
        }
        int step = Math.max(1, x.length / 5000); // at most ~5000 dominated dots: a chart, not a dump
        for (int i = 0; i < x.length; i++) {
            if (!on[i] && i % step != 0) continue;
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%s\" fill=\"%s\"><title>%s</title></circle>%n",
                    px(x[i], xr), py(y[i], yr), on[i] ? "4" : "2.5", on[i] ? "#1b7837" : "#bbbbbb", esc(tip(names, values, labels, i))));
        }
        if (chosen >= 0) {
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"9\" fill=\"none\" stroke=\"#d73027\" stroke-width=\"2\"><title>recommended: %s</title></circle>%n",
                    px(x[chosen], xr), py(y[chosen], yr), esc(labels.get(chosen))));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#1b7837\">&#9679; Pareto frontier (%d)</text>%n", W - 250, 24, front.length));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#d73027\">&#9675; recommended</text>%n", W - 250, 40));
        return sb.append("</svg>\n").toString();
    }

    /** The SVG inside a minimal HTML page, with the frontier as a table below it. */
    static String html(String title, String svg, List<String> tableLines) {
        StringBuilder sb = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(title)).append("</title></head>\n<body style=\"font-family:sans-serif\">\n<h1>").append(esc(title))
                .append("</h1>\n").append(svg).append("<pre>\n");
        for (String l : tableLines) sb.append(esc(l)).append('\n');
        return sb.append("</pre>\n</body></html>\n").toString();
    }

    private static String tip(List<String> names, double[][] values, List<String> labels, int i) {
        StringBuilder sb = new StringBuilder(labels.get(i));
        for (int j = 0; j < names.size(); j++) sb.append(", ").append(names.get(j)).append('=').append(fmt(values[j][i]));
        return sb.toString();
    }

    private static double[] range(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            if (!Double.isFinite(d)) continue;
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        if (!(lo <= hi)) return new double[] {0, 1};
        if (lo == hi) return new double[] {lo - 1, hi + 1};
        return new double[] {lo, hi};
    }

    private static double px(double v, double[] r) {
        double c = Double.isFinite(v) ? v : (v > 0 ? r[1] : r[0]);
        return PAD + (c - r[0]) / (r[1] - r[0]) * (W - 1.5 * PAD);
    }

    private static double py(double v, double[] r) {
        double c = Double.isFinite(v) ? v : (v > 0 ? r[1] : r[0]);
        return H - PAD - (c - r[0]) / (r[1] - r[0]) * (H - 2 * PAD);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
