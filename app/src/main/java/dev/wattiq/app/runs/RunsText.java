package dev.wattiq.app.runs;

import dev.wattiq.app.output.Numbers;
import dev.wattiq.app.store.RunRecord;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** A {@link RunsList} as {@code wattiq runs} prints it: a table, or a line saying there is nothing yet. */
final class RunsText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private RunsText() {
    }

    static void print(PrintWriter out, RunsList l) {
        if (l.runs().isEmpty()) {
            out.println("no runs yet: measure one with 'wattiq run -- CMD'");
            return;
        }
        table(out, l.runs());
        if (l.more()) out.println("(the latest " + l.shown() + " runs; older ones: --all, or --limit N)");
    }

    /** The table: each column in one number format, cost with its currency, CO2e location-based. */
    static void table(PrintWriter out, List<RunRecord> runs) {
        String[] duration = column(runs, RunRecord::durationSeconds);
        String[] energy = column(runs, r -> measured(r) ? r.totalJoules() : Double.NaN);
        String[] cost = column(runs, r -> measured(r) && r.bill() != null ? r.bill().cost().amount() : Double.NaN);
        String[] co2e = column(runs, r -> measured(r) && r.bill() != null ? r.bill().co2eLocationKg() * 1000 : Double.NaN);
        out.printf("%-22s %-10s %-20s %10s %10s %16s %10s %-10s %4s  %s%n", "RUN_ID", "STATUS", "STARTED", "DURATION_S", "ENERGY_J",
                "COST", "CO2E_G", "METHOD", "EXIT", "COMMAND");
        for (int i = 0; i < runs.size(); i++) {
            RunRecord r = runs.get(i);
            String money = r.bill() == null ? cost[i] : Numbers.money(cost[i], r.bill().cost().currency());
            out.printf(Locale.ROOT, "%-22s %-10s %-20s %10s %10s %16s %10s %-10s %4s  %s%n", r.runId(), r.status(),
                    TIME.format(r.startedAt()), duration[i], energy[i], money, co2e[i], r.method() == null ? "-" : r.method(),
                    r.exitCode() == null ? "-" : r.exitCode().toString(), abbreviate(String.join(" ", r.command())));
        }
    }

    /** A run that could not be charged (too short, nothing measured) has no figures ("-"), not 0 J. */
    private static boolean measured(RunRecord r) {
        return Double.isFinite(r.chargedJoulesOrNaN()) && !"none".equals(r.method());
    }

    private static String[] column(List<RunRecord> runs, ToDoubleFunction<RunRecord> f) {
        return Numbers.column(runs.stream().mapToDouble(f).toArray(), 4);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
