package dev.wattiq.app.runs;

import dev.wattiq.app.run.Comparison;
import dev.wattiq.app.run.RepeatFigures;
import dev.wattiq.app.run.Spread;
import dev.wattiq.app.store.RunRecord;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A {@link RunsComparison} as {@code wattiq compare} prints it: a table of the figures and a conclusion on the energy, or JSON. */
final class CompareText {
    private CompareText() {
    }

    static void print(PrintWriter out, RunsComparison c) {
        List<RunRecord> ra = c.a();
        List<RunRecord> rb = c.b();
        out.printf(Locale.ROOT, "A: %d run%s (%s)%nB: %d run%s (%s)%n", ra.size(), ra.size() == 1 ? "" : "s", ids(ra), rb.size(),
                rb.size() == 1 ? "" : "s", ids(rb));
        out.printf(Locale.ROOT, "  %-26s %22s %22s %9s %12s  %s%n", "figure", "A median [min, max]", "B median [min, max]", "B vs A",
                "noise range", "verdict");
        for (Comparison f : c.figures().values()) {
            double noise = Comparison.noise(f.a(), f.b());
            out.printf(Locale.ROOT, "  %-26s %22s %22s %9s %12s  %s%n", f.figure(), cell(f.a()), cell(f.b()), pct(f.differenceRel()),
                    Double.isFinite(noise) ? num(noise) : "unknown", f.verdict().label().replace('_', ' '));
        }
        Comparison energy = c.energy();
        if (energy != null) out.println(conclusion(energy));
    }

    static String conclusion(Comparison e) {
        return switch (e.verdict()) {
            case UNKNOWN -> "energy: spread unknown (one run each): repeat both with 'wattiq run --repeat N' (N >= 3) to tell a difference from noise";
            case WITHIN_NOISE -> String.format(Locale.ROOT, "energy: no significant difference: B differs from A by %s, within the run-to-run spread (range %s J)",
                    pct(e.differenceRel()), num(Comparison.noise(e.a(), e.b())));
            case HIGHER, LOWER -> String.format(Locale.ROOT, "energy: B uses %s %s than A, beyond the run-to-run spread (range %s J)",
                    pct(Math.abs(e.differenceRel())).replace("+", ""), e.verdict() == Comparison.Verdict.LOWER ? "less" : "more",
                    num(Comparison.noise(e.a(), e.b())));
        };
    }

    static Map<String, Object> json(RunsComparison c) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("a_run_ids", c.a().stream().map(RunRecord::runId).toList());
        root.put("b_run_ids", c.b().stream().map(RunRecord::runId).toList());
        root.put("rule", "differs when |median B - median A| > the larger of the measured ranges (max - min)");
        Map<String, Object> figures = new LinkedHashMap<>();
        for (Comparison f : c.figures().values()) {
            Map<String, Object> o = new LinkedHashMap<>();
            Map<String, Object> spreads = RepeatFigures.json(Map.of("a", f.a(), "b", f.b()));
            o.put("a", spreads.get("a"));
            o.put("b", spreads.get("b"));
            double noise = Comparison.noise(f.a(), f.b());
            o.put("noise", Double.isFinite(noise) ? noise : null);
            o.put("difference_rel", Double.isFinite(f.differenceRel()) ? f.differenceRel() : null);
            o.put("verdict", f.verdict().label());
            o.put("differs", f.differs());
            figures.put(f.figure(), o);
        }
        root.put("figures", figures);
        Comparison e = c.energy();
        root.put("energy_verdict", e == null ? null : e.verdict().label());
        return root;
    }

    private static String ids(List<RunRecord> runs) {
        return runs.size() <= 3 ? String.join(", ", runs.stream().map(RunRecord::runId).toList())
                : runs.getFirst().runId() + " .. " + runs.getLast().runId();
    }

    private static String cell(Spread s) {
        return s.known() ? num(s.median()) + " [" + num(s.min()) + ", " + num(s.max()) + "]" : num(s.median());
    }

    private static String pct(double rel) {
        return Double.isFinite(rel) ? String.format(Locale.ROOT, "%+.1f%%", rel * 100) : "-";
    }

    private static String num(double v) {
        if (!Double.isFinite(v)) return "-";
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e6) ? String.format(Locale.ROOT, "%.3g", v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
