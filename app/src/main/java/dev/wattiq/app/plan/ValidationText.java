package dev.wattiq.app.plan;

import dev.wattiq.planner.published.Problem;
import dev.wattiq.planner.validate.Comparison;
import dev.wattiq.planner.validate.Report;
import dev.wattiq.planner.validate.Summary;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** {@code plan validate} as terminal text: every row, every row not scored, then the headline figures. */
final class ValidationText {
    private static final List<String> MODES = List.of("b", "infer", "a");
    private static final List<String> METRICS = List.of("device_hours", "avg_power_w", "energy_mwh", "tco2e", "j_per_token");

    private ValidationText() {
    }

    static void print(PrintWriter out, Report r) {
        for (String part : r.method().split("; ")) out.println(part);
        int width = Math.min(70, r.comparisons().stream().mapToInt(c -> c.row().length()).max().orElse(10));
        String format = "%-5s %-12s %-" + width + "s %11s %11s %11s %8s %8s %23s %-3s  %s%n";
        out.printf(Locale.ROOT, format, "mode", "metric", "row", "out-sample", "in-sample", "published", "err out", "err in",
                "80% interval", "in?", "note");
        for (Comparison c : r.comparisons()) {
            String row = c.row().length() > width ? c.row().substring(0, width - 1) + "~" : c.row();
            out.printf(Locale.ROOT, format, c.mode(), c.metric(), row, PlanText.num(c.predicted()),
                    c.mode().equals("a") ? "-" : PlanText.num(c.inSample()), PlanText.num(c.published()),
                    pct(c.error()), c.mode().equals("a") ? "-" : pct(c.inSampleError()),
                    c.hasInterval() ? PlanText.num(c.p10()) + " .. " + PlanText.num(c.p90()) : "-",
                    c.hasInterval() ? (c.inside() ? "yes" : "no") : "-", c.note());
        }
        out.println();
        out.println("not scored (each with its line, the field at fault and why; counted, never dropped):");
        if (r.problems().isEmpty()) out.println("  (none)");
        for (Problem p : r.problems()) out.println("  " + p.message());
        out.println();
        out.println("median absolute error, out-of-sample first (b: the model from N, D, hardware and devices; infer: the"
                + " serving model; a: arithmetic from published hours and power):");
        for (String mode : MODES) {
            for (String metric : METRICS) {
                Summary s = r.summary(mode, metric);
                if (s == null) continue;
                if (mode.equals("a")) {
                    out.printf(Locale.ROOT, "  %-5s %-12s %6.1f%% over %d rows (max %.1f%%; no fit)%n", mode, metric,
                            100 * s.outOfSample(), s.rows(), 100 * s.maxOutOfSample());
                    continue;
                }
                out.printf(Locale.ROOT, "  %-5s %-12s out-of-sample %5.1f%%, in-sample %5.1f%% over %d rows (max %.0f%%, %d predicted"
                                + " low); 80%% interval holds %.0f%% (%d/%d), median width %.0f%% of p50%n", mode, metric,
                        100 * s.outOfSample(), 100 * s.inSample(), s.rows(), 100 * s.maxOutOfSample(), s.tooLow(),
                        100 * s.coverage(), Math.round(s.coverage() * s.rows()), s.rows(), 100 * s.medianWidth());
            }
        }
        out.printf(Locale.ROOT, "  rows not scored: %d (listed above)%n", r.problems().size());
    }

    private static String pct(double e) {
        return Double.isFinite(e) ? String.format(Locale.ROOT, "%+.1f%%", 100 * e) : "-";
    }
}
