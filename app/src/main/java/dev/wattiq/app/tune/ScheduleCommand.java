package dev.wattiq.app.tune;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.output.Json;
import dev.wattiq.planner.schedule.Job;
import dev.wattiq.planner.schedule.Objective;
import dev.wattiq.planner.schedule.Placement;
import dev.wattiq.planner.schedule.ScheduleResult;
import dev.wattiq.planner.schedule.Scheduler;
import dev.wattiq.planner.schedule.Series;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wattiq schedule}: when and where to run a job against hourly price and carbon series. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Choose the start time and region (or, --interruptible, the hours) that minimise cost, carbon or "
                + "both before a deadline, against an hourly series; report savings against starting now in the first region.",
                "Series CSV columns: timestamp,region,price_per_kwh,gco2e_per_kwh (timestamps with UTC offset, hourly, "
                        + "every region every hour)."})
public final class ScheduleCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--series", required = true, paramLabel = "FILE.csv", description = "Hourly price and carbon series.")
    Path series;

    @Option(names = "--duration", required = true, paramLabel = "H", description = "Run time in hours (fractions allowed).")
    double durationHours;

    @Option(names = "--power-kw", required = true, paramLabel = "P", description = "Average power drawn, kW.")
    double powerKw;

    @Option(names = "--deadline", required = true, paramLabel = "ISO-8601", description = "Finish by, e.g. 2025-01-03T18:00Z.")
    String deadline;

    @Option(names = "--objective", defaultValue = "cost", paramLabel = "O", description = "cost, carbon or weighted (default: ${DEFAULT-VALUE}).")
    String objective;

    @Option(names = "--weight", defaultValue = "0.5", paramLabel = "W", description = "Cost's weight in 'weighted', 0..1; each term is relative to the baseline (default: ${DEFAULT-VALUE}).")
    double weight;

    @Option(names = "--interruptible", description = "The job may pause: choose any hours (in one region).")
    boolean interruptible;

    @Option(names = "--regions", split = ",", paramLabel = "R", description = "Candidate regions, the first the baseline's (default: all in the series, first row's first).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--now", paramLabel = "ISO-8601", description = "Earliest start and the baseline's start (default: the series' first hour).")
    String now;

    @Option(names = "--json-out", paramLabel = "FILE", description = "Write the result as JSON.")
    Path jsonOut;

    @Override
    public Integer call() {
        Series s = Series.parse(Json.read(series, "--series"), series.toString());
        Instant nowAt = now == null ? s.start() : instant("--now", now);
        Job job = new Job(durationHours, powerKw, instant("--deadline", deadline), nowAt, Objective.parse(objective),
                weight, interruptible, regions);
        ScheduleResult r = Scheduler.plan(s, job);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-10s %-22s %-10s %12s %12s %12s%n", "", "start", "region", "energy_kwh", "cost", "co2e_kg");
        row(out, "chosen", r.best());
        row(out, "baseline", r.baseline());
        if (interruptible) out.println("hours: " + String.join(" ", r.best().hours().stream().map(Instant::toString).toList()));
        out.printf(Locale.ROOT, "savings: %s on the %s objective (cost %s, CO2e %s)%n", pct(r.savingsPct()),
                job.objective().name().toLowerCase(Locale.ROOT), pct(r.costSavingsPct()), pct(r.co2eSavingsPct()));
        r.notes().forEach(n -> out.println("note: " + n));
        out.flush();
        if (jsonOut != null) Json.write(json(r), jsonOut);
        return 0;
    }

    private static Instant instant(String flag, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new Errors.UserError(flag + " '" + text + "' is not an ISO-8601 time with a UTC offset: write e.g. 2025-01-03T18:00Z or 2025-01-03T19:00+01:00");
        }
    }

    private static void row(PrintWriter out, String what, Placement p) {
        out.printf(Locale.ROOT, "%-10s %-22s %-10s %12.4g %12.4g %12.4g%n", what, p.start(), p.region(), p.energyKwh(), p.cost(), p.co2eKg());
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", v) : "n/a";
    }

    private ObjectNode json(ScheduleResult r) {
        ObjectNode root = Json.object();
        place(root, r.best(), interruptible);
        ObjectNode base = root.putObject("baseline");
        place(base, r.baseline(), false);
        Json.num(root, "savings_pct", r.savingsPct());
        Json.num(root, "cost_savings_pct", r.costSavingsPct());
        Json.num(root, "co2e_savings_pct", r.co2eSavingsPct());
        root.put("objective", r.job().objective().name().toLowerCase(Locale.ROOT));
        root.put("interruptible", interruptible);
        Json.num(root, "duration_h", r.job().durationHours());
        Json.num(root, "power_kw", r.job().powerKw());
        root.put("deadline", r.job().deadline().toString());
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        return root;
    }

    private static void place(ObjectNode o, Placement p, boolean withHours) {
        o.put("start", p.start().toString());
        o.put("region", p.region());
        if (withHours) {
            ArrayNode h = o.putArray("hours");
            p.hours().forEach(x -> h.add(x.toString()));
        }
        Json.num(o, "energy_kwh", p.energyKwh());
        Json.num(o, "cost", p.cost());
        Json.num(o, "co2e_kg", p.co2eKg());
    }
}
