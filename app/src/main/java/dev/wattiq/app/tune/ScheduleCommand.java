package dev.wattiq.app.tune;

import dev.wattiq.app.cli.JsonCommand;
import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.cli.InputFiles;
import dev.wattiq.app.cli.IsoInstant;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wattiq schedule}: when and where to run a job against hourly price and carbon series. */
@Command(name = "schedule", modelTransformer = CliOptions.SharedGroups.class, mixinStandardHelpOptions = true,
        description = {"Choose the start time and region (or, --interruptible, the hours) that minimise cost, carbon or "
                + "both before a deadline, against an hourly series; report savings against starting now in the first region.",
                "Series CSV columns: timestamp,region,price_per_kwh,gco2e_per_kwh (timestamps with UTC offset, hourly, "
                        + "every region every hour)."})
public final class ScheduleCommand extends JsonCommand {
    @Option(names = "--series", required = true, paramLabel = "FILE.csv", description = "Hourly price and carbon series.")
    Path series;
    @Option(names = "--duration", required = true, paramLabel = "H", description = "Run time in hours (fractions allowed).")
    double durationHours;
    @Option(names = "--power-kw", required = true, paramLabel = "P", description = "Average power drawn, kW.")
    double powerKw;
    @Option(names = "--deadline", required = true, paramLabel = "ISO-8601", converter = IsoInstant.class, description = "Finish by, e.g. 2025-01-03T18:00Z.")
    Instant deadline;
    @Option(names = "--objective", defaultValue = ScheduleRequest.DEFAULT_OBJECTIVE, paramLabel = "O", description = "cost, carbon or weighted (default: ${DEFAULT-VALUE}).")
    String objective;
    @Option(names = "--weight", defaultValue = ScheduleRequest.DEFAULT_WEIGHT, paramLabel = "W", description = "Cost's weight in 'weighted', 0..1; each term is relative to the baseline (default: ${DEFAULT-VALUE}).")
    double weight;
    @Option(names = "--interruptible", description = "The job may pause: choose any hours (in one region).")
    boolean interruptible;
    @Option(names = "--regions", split = ",", paramLabel = "R", description = "Candidate regions, the first the baseline's (default: all in the series, first row's first).")
    List<String> regions = new ArrayList<>();
    @Option(names = "--currency", paramLabel = "CODE", description = "Currency of the series' price_per_kwh, e.g. EUR (default: the series' "
            + "currency column, else " + ScheduleRequest.DEFAULT_CURRENCY + ", noted).")
    String currency;
    @Option(names = "--now", paramLabel = "ISO-8601", converter = IsoInstant.class, description = "Earliest start and the baseline's start (default: the series' first hour).")
    Instant now;

    /** The request these options make (the --series file read). */
    ScheduleRequest request() {
        return new ScheduleRequest(InputFiles.read("--series", series), series.toString(), durationHours, powerKw, deadline, now,
                objective, weight, interruptible, regions, currency);
    }

    @Override
    public Integer call() {
        jsonOut.check();
        ScheduleRequest.Schedule r = request().plan();
        ScheduleText.print(out(), r);
        jsonOut.write(() -> ScheduleJson.of(r));
        return 0;
    }
}
