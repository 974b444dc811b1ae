package dev.wattiq.app.runs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wattiq.app.output.Json;
import dev.wattiq.app.run.RunJson;
import dev.wattiq.app.store.RunRecord;
import java.io.PrintWriter;
import java.util.Locale;

/** A {@link JobReport} as {@code wattiq report} prints it: a table of the runs and the sums, or JSON. */
final class ReportText {
    private ReportText() {
    }

    static void print(PrintWriter out, JobReport j) {
        out.printf(Locale.ROOT, "job %s: %d run(s) on %d host(s), %.1f s wall, %s%n", j.job(), j.runs().size(), j.joulesByHost().size(),
                j.wallSeconds(), j.method() == null ? "method unknown" : j.method());
        out.printf(Locale.ROOT, "  %-28s %-10s %-10s %12s%n", "run", "host", "status", "energy (J)");
        for (RunRecord r : j.runs()) out.printf(Locale.ROOT, "  %-28s %-10s %-10s %12.2f%n", r.runId(), r.host(), r.status(), r.totalJoules());
        out.printf(Locale.ROOT, "  total energy %.2f J (%.6f kWh)%n", j.totalJoules(), j.totalJoules() / 3.6e6);
        j.joulesByComponent().forEach((k, v) -> out.printf(Locale.ROOT, "    %-14s %12.2f J%n", k, v));
        if (!Double.isNaN(j.cost())) {
            out.printf(Locale.ROOT, "  cost %.6f %s, CO2e %.6f kg (location) / %.6f kg (market)%n", j.cost(), j.currency(), j.co2eLocationKg(),
                    j.co2eMarketKg());
        }
        for (String note : j.notes()) out.println("  note: " + note);
    }

    /** The report as JSON (what {@code --json} prints and {@code --json-out} writes). */
    static ObjectNode json(JobReport j) {
        ObjectNode o = Json.object();
        o.put("job", j.job());
        o.put("runs_count", j.runs().size());
        o.put("hosts_count", j.joulesByHost().size());
        o.put("wall_s", j.wallSeconds());
        o.put("method", j.method());
        ObjectNode e = o.putObject("energy_j");
        e.put("total", j.totalJoules());
        ObjectNode bc = e.putObject("by_component");
        j.joulesByComponent().forEach(bc::put);
        ObjectNode bh = e.putObject("by_host");
        j.joulesByHost().forEach(bh::put);
        Json.num(o, "facility_energy_j", j.facilityJoules());
        Json.num(o, "cost", j.cost());
        o.put("currency", j.currency());
        ObjectNode co2 = o.putObject("co2e_kg");
        Json.num(co2, "location_based", j.co2eLocationKg());
        Json.num(co2, "market_based", j.co2eMarketKg());
        ArrayNode n = o.putArray("notes");
        j.notes().forEach(n::add);
        ArrayNode arr = o.putArray("runs");
        for (RunRecord r : j.runs()) arr.add(RunJson.brief(r).put("host", r.host()).put("job", r.job()));
        return o;
    }
}
