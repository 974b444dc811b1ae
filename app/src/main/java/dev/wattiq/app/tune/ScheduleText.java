package dev.wattiq.app.tune;

import dev.wattiq.app.output.Numbers;
import dev.wattiq.planner.schedule.Placement;
import dev.wattiq.planner.schedule.ScheduleResult;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;

/**
 * A schedule as terminal text: the chosen placement against the baseline (each column in one number format, the cost
 * with its currency), the savings, the notes.
 */
final class ScheduleText {
    private ScheduleText() {
    }

    static void print(PrintWriter out, ScheduleRequest.Schedule s) {
        ScheduleResult r = s.result();
        Placement[] rows = {r.best(), r.baseline()};
        String[] energy = Numbers.column(new double[] {rows[0].energyKwh(), rows[1].energyKwh()}, 4);
        String[] cost = Numbers.column(new double[] {rows[0].cost(), rows[1].cost()}, 4);
        String[] co2e = Numbers.column(new double[] {rows[0].co2eKg(), rows[1].co2eKg()}, 4);
        out.printf(Locale.ROOT, "%-10s %-22s %-10s %12s %16s %12s%n", "", "start", "region", "energy_kwh", "cost", "co2e_kg");
        String[] what = {"chosen", "baseline"};
        for (int i = 0; i < 2; i++) {
            out.printf(Locale.ROOT, "%-10s %-22s %-10s %12s %16s %12s%n", what[i], rows[i].start(), rows[i].region(), energy[i],
                    Numbers.money(cost[i], s.currency()), co2e[i]);
        }
        if (r.job().interruptible()) out.println("hours: " + String.join(" ", r.best().hours().stream().map(Instant::toString).toList()));
        out.printf(Locale.ROOT, "savings: %s on the %s objective (cost %s, CO2e %s)%n", pct(r.savingsPct()),
                r.job().objective().name().toLowerCase(Locale.ROOT), pct(r.costSavingsPct()), pct(r.co2eSavingsPct()));
        r.notes().forEach(n -> out.println("note: " + n));
        if (s.currencyNote() != null) out.println("note: " + s.currencyNote());
        out.flush();
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", v) : "n/a";
    }
}
