package dev.wattiq.app.tune;

import dev.wattiq.planner.schedule.Job;
import dev.wattiq.planner.schedule.Objective;
import dev.wattiq.planner.schedule.ScheduleResult;
import dev.wattiq.planner.schedule.Scheduler;
import dev.wattiq.planner.schedule.Series;
import java.time.Instant;
import java.util.List;

/**
 * A {@code schedule} request (CLI options, or a {@code POST /api/schedule} body).
 *
 * @param seriesCsv  hourly price and carbon series: timestamp,region,price_per_kwh,gco2e_per_kwh
 * @param origin     what the series is called in messages: the file given, or the body field
 * @param now        the earliest start and the baseline's; null: the series' first hour
 * @param regions    candidate regions, the first the baseline's; empty: all in the series
 */
public record ScheduleRequest(String seriesCsv, String origin, double durationHours, double powerKw, Instant deadline, Instant now,
                              String objective, Double weight, boolean interruptible, List<String> regions) {
    public static final String DEFAULT_OBJECTIVE = "cost";
    public static final String DEFAULT_WEIGHT = "0.5";

    public ScheduleRequest {
        if (objective == null) objective = DEFAULT_OBJECTIVE;
        if (weight == null) weight = Double.parseDouble(DEFAULT_WEIGHT);
        regions = regions == null ? List.of() : List.copyOf(regions);
    }

    /** Computes the schedule (printed by {@link ScheduleText} and {@link ScheduleJson}). */
    public ScheduleResult plan() {
        Series s = Series.parse(seriesCsv, origin);
        Job job = new Job(durationHours, powerKw, deadline, now == null ? s.start() : now, Objective.parse(objective), weight,
                interruptible, regions);
        return Scheduler.plan(s, job);
    }
}
