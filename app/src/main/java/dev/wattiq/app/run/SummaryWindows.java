package dev.wattiq.app.run;

import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.RunWindow;
import dev.wattiq.meter.control.Work;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The summary's work line and its line per window (J per step, sample and token where they were counted). */
final class SummaryWindows {
    /** Windows listed at the end of {@code wattiq run}; {@code wattiq show} lists them all. */
    static final int RUN_LINES = 20;

    private SummaryWindows() {
    }

    static void print(RunRecord r, PrintWriter out, int maxWindows) {
        Work w = r.work();
        if (!w.isEmpty()) out.printf(Locale.ROOT, "  work       %s%s%n", counts(w), perUnit(r.totalJoules(), w));
        List<RunWindow> windows = r.windows();
        if (windows.isEmpty()) return;
        int width = 4;
        for (RunWindow x : windows.subList(0, Math.min(maxWindows, windows.size()))) width = Math.max(width, Math.min(40, x.name().length()));
        for (int i = 0; i < windows.size() && i < maxWindows; i++) {
            RunWindow x = windows.get(i);
            String name = x.name().length() > 40 ? x.name().substring(0, 37) + "..." : x.name();
            out.printf(Locale.ROOT, "  %-10s %-" + width + "s %12s J  %9.3f s  at %.3f s%s%s%n", i == 0 ? "windows" : "", name,
                    Summary.num(x.totalJoules()), x.durationSeconds(), x.startSeconds(), x.method() == null ? "" : "  " + x.method(),
                    x.work().isEmpty() ? "" : "  " + counts(x.work()) + perUnit(x.totalJoules(), x.work()));
        }
        if (windows.size() > maxWindows) {
            out.printf(Locale.ROOT, "  %-10s ... and %d more: wattiq show %s lists them all%n", "", windows.size() - maxWindows, r.runId());
        }
    }

    private static String counts(Work w) {
        List<String> parts = new ArrayList<>();
        if (w.steps() > 0) parts.add(w.steps() + " steps");
        if (w.samples() > 0) parts.add(w.samples() + " samples");
        if (w.tokens() > 0) parts.add(w.tokens() + " tokens");
        return String.join(", ", parts);
    }

    private static String perUnit(double joules, Work w) {
        List<String> parts = new ArrayList<>();
        if (w.steps() > 0) parts.add(Summary.num(RunRecord.per(joules, w.steps())) + " J/step");
        if (w.samples() > 0) parts.add(Summary.num(RunRecord.per(joules, w.samples())) + " J/sample");
        if (w.tokens() > 0) parts.add(Summary.num(RunRecord.per(joules, w.tokens())) + " J/token");
        return parts.isEmpty() ? "" : ": " + String.join(", ", parts);
    }
}
