package dev.wattiq.app.run;

import dev.wattiq.app.output.BillText;
import dev.wattiq.app.store.RunRecord;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** The short human summary printed on stderr at the end of {@code wattiq run} and by {@code wattiq show}. */
public final class Summary {
    private static final double JOULES_PER_WH = 3600.0;

    private Summary() {
    }

    /** Prints the summary of a stored run; {@code withAssumptions} lists every model coefficient, otherwise only how many there are. */
    public static void print(RunRecord r, PrintWriter out, boolean withAssumptions) {
        print(r, out, withAssumptions, true);
    }

    /**
     * Prints the summary; {@code stored}: whether {@code wattiq show} can find the run later (not with --no-store, so the
     * summary then points to --json-out instead).
     */
    public static void print(RunRecord r, PrintWriter out, boolean withAssumptions, boolean stored) {
        out.println("wattiq: run " + r.runId() + " " + r.status() + ": " + String.join(" ", r.command()));
        out.printf(Locale.ROOT, "  duration   %.3f s, exit code %s, %d samples at %s, scope %s%n", r.durationSeconds(),
                r.exitCode() == null ? "unknown" : r.exitCode(), r.samples(), interval(r.intervalSeconds()), r.scope());
        int width = 5;
        for (String c : r.joulesByComponent().keySet()) width = Math.max(width, c.length());
        String row = "  %-10s %-" + width + "s %12s J  %12s Wh%s%n";
        boolean first = true;
        for (Map.Entry<String, Double> e : r.joulesByComponent().entrySet()) {
            out.printf(Locale.ROOT, row, first ? "energy" : "", e.getKey(), num(e.getValue()), num(e.getValue() / JOULES_PER_WH),
                    methodOf(r, e.getKey()));
            first = false;
        }
        out.printf(Locale.ROOT, row, first ? "energy" : "", "total", num(r.totalJoules()), num(r.totalJoules() / JOULES_PER_WH), "");
        wall(r, out);
        out.printf(Locale.ROOT, "  power      avg %s W, peak %s W%n", num(r.avgPowerWatts()), num(r.peakPowerWatts()));
        SummaryWindows.print(r, out, withAssumptions ? Integer.MAX_VALUE : SummaryWindows.RUN_LINES);
        out.printf(Locale.ROOT, "  idle       %s%n", Double.isFinite(r.idlePowerWatts())
                ? num(r.idlePowerWatts()) + " W baseline (reported separately, not included above)" : "unknown");
        out.printf(Locale.ROOT, "  method     %s%n", r.method() == null ? "none (nothing measured)" : r.method());
        if (r.job() != null) out.printf("  job        %s%n", r.job());
        if (!r.labels().isEmpty()) out.printf("  labels     %s%n", r.labels());
        if (r.bill() != null) {
            for (String line : BillText.lines(r.bill())) {
                if (line.equals("assumptions:")) {
                    if (!withAssumptions) continue;
                    out.println("  site assumptions:");
                } else if (line.startsWith("warning: ") || withAssumptions || !line.startsWith("  ")) {
                    out.println("  " + line);
                }
            }
        } else {
            out.println("  cost       unknown (no bill: see the notes)");
        }
        if (withAssumptions) {
            for (Map.Entry<String, String> a : r.assumptions().entrySet()) out.printf("  assumes    %s = %s%n", a.getKey(), a.getValue());
        } else if (!r.assumptions().isEmpty()) {
            out.printf("  assumes    %d model inputs (%s): %s%n", r.assumptions().size(), String.join(", ", r.assumptions().keySet()),
                    stored ? "see 'wattiq show " + r.runId() + "' or --json-out"
                            : "not stored (--no-store), so see them with --json-out FILE, or run without --no-store and 'wattiq show'");
        }
        for (String n : r.notes()) {
            if (n.startsWith(RunRecord.TOO_SHORT)) out.printf("  too short  %s%n", n.substring(RunRecord.TOO_SHORT.length()));
            else out.printf("  note       %s%n", n);
        }
        out.flush();
    }

    /** The wall beside the components: how much of the machine's energy the component counters miss. */
    private static void wall(RunRecord r, PrintWriter out) {
        java.util.OptionalDouble w = r.wallJoules();
        if (w.isEmpty()) return;
        double c = r.componentsDeviceJoules(null);
        double other = w.getAsDouble() - c;
        String wm = r.devices().stream().filter(RunRecord.DeviceEnergy::isWall).map(RunRecord.DeviceEnergy::method).findFirst().orElse("");
        out.printf(Locale.ROOT, "  wall       %s J  %s Wh  %s, whole machine%s%n", num(w.getAsDouble()), num(w.getAsDouble() / JOULES_PER_WH), wm,
                "machine".equals(r.scope()) ? "" : " (this run is charged its share of the components above; the wall is the node's)");
        out.printf(Locale.ROOT, "  split      components %s J + other %s J (fans, power supply, disks, NICs, the rest)%n", num(c), num(other));
        if (w.getAsDouble() > 0) {
            out.printf(Locale.ROOT, "  missed     %.1f %% of the wall is outside the components' counters%n", 100 * other / w.getAsDouble());
        }
    }

    private static String methodOf(RunRecord r, String component) {
        String m = null;
        for (RunRecord.DeviceEnergy d : r.devices()) {
            if (!d.component().equals(component)) continue;
            if (m == null) m = d.method();
            else if (!m.equals(d.method())) m = "mixed";
        }
        return m == null ? "" : "  " + m;
    }

    /** Three significant digits or more, never scientific for everyday magnitudes. */
    static String num(double v) {
        if (!Double.isFinite(v)) return "n/a";
        double a = Math.abs(v);
        if (a == 0) return "0";
        if (a >= 100) return String.format(Locale.ROOT, "%.1f", v);
        if (a >= 1) return String.format(Locale.ROOT, "%.3f", v);
        if (a >= 1e-4) return String.format(Locale.ROOT, "%.6f", v);
        return String.format(Locale.ROOT, "%.3e", v);
    }

    static String interval(double seconds) {
        return Intervals.format(java.time.Duration.ofNanos(Math.round(seconds * 1e9)));
    }
}
