package dev.wattiq.app.tune;

import dev.wattiq.planner.schedule.Placement;
import dev.wattiq.planner.schedule.ScheduleResult;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;

/** A schedule as terminal text: the chosen placement against the baseline, the savings, the notes. */
final class ScheduleText {
    private ScheduleText() {
    }

    static void print(PrintWriter out, ScheduleResult r) {
        out.printf(Locale.ROOT, "%-10s %-22s %-10s %12s %12s %12s%n", "", "start", "region", "energy_kwh", "cost", "co2e_kg");
        row(out, "chosen", r.best());
        row(out, "baseline", r.baseline());
        if (r.job().interruptible()) out.println("hours: " + String.join(" ", r.best().hours().stream().map(Instant::toString).toList()));
        out.printf(Locale.ROOT, "savings: %s on the %s objective (cost %s, CO2e %s)%n", pct(r.savingsPct()),
                r.job().objective().name().toLowerCase(Locale.ROOT), pct(r.costSavingsPct()), pct(r.co2eSavingsPct()));
        r.notes().forEach(n -> out.println("note: " + n));
        out.flush();
    }

    private static void row(PrintWriter out, String what, Placement p) {
        out.printf(Locale.ROOT, "%-10s %-22s %-10s %12.4g %12.4g %12.4g%n", what, p.start(), p.region(), p.energyKwh(), p.cost(), p.co2eKg());
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", v) : "n/a";
    }
}
