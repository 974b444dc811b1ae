package dev.wattiq.app.tune;

import dev.wattiq.ledger.tariff.Tariff;
import dev.wattiq.meter.io.Csv;
import dev.wattiq.planner.schedule.Job;
import dev.wattiq.planner.schedule.Objective;
import dev.wattiq.planner.schedule.ScheduleResult;
import dev.wattiq.planner.schedule.Scheduler;
import dev.wattiq.planner.schedule.Series;
import java.time.Instant;
import java.util.List;

import static dev.wattiq.meter.UserInputException.field;

/**
 * A {@code schedule} request (CLI options, or a {@code POST /api/schedule} body).
 *
 * @param seriesCsv  hourly price and carbon series: timestamp,region,price_per_kwh,gco2e_per_kwh
 * @param origin     what the series is called in messages: the file given, or the body field
 * @param now        the earliest start and the baseline's; null: the series' first hour
 * @param regions    candidate regions, the first the baseline's; empty: all in the series
 * @param currency   the currency of the series' price_per_kwh (ISO 4217); null: the series' currency column, else
 *                   {@link #DEFAULT_CURRENCY}, said so in a note
 */
public record ScheduleRequest(String seriesCsv, String origin, double durationHours, double powerKw, Instant deadline, Instant now,
                              String objective, Double weight, boolean interruptible, List<String> regions, String currency) {
    /** The currency of a series that names none: the one of the shipped default price (prices.csv, US). */
    public static final String DEFAULT_CURRENCY = "USD";
    public static final String DEFAULT_OBJECTIVE = "cost";
    public static final String DEFAULT_WEIGHT = "0.5";

    public ScheduleRequest {
        if (objective == null) objective = DEFAULT_OBJECTIVE;
        if (weight == null) weight = Double.parseDouble(DEFAULT_WEIGHT);
        regions = regions == null ? List.of() : List.copyOf(regions);
    }

    /** Computes the schedule (printed by {@link ScheduleText} and {@link ScheduleJson}). */
    public Schedule plan() {
        Series s = Series.parse(seriesCsv, origin);
        Job job = new Job(durationHours, powerKw, deadline, now == null ? s.start() : now, Objective.parse(objective), weight,
                interruptible, regions);
        ScheduleResult r = Scheduler.plan(s, job);
        if (currency != null) return new Schedule(r, Tariff.checkCurrency(currency, field("currency")), null);
        String named = seriesCurrency();
        return named != null ? new Schedule(r, named, null) : new Schedule(r, DEFAULT_CURRENCY, "costs are in " + DEFAULT_CURRENCY
                + ": the series names no currency for price_per_kwh (add a currency column, or give " + field("currency") + ", e.g. EUR)");
    }

    /**
     * A schedule and the currency its costs are in.
     *
     * @param currencyNote why the currency is what it is, when the series did not say; or null
     */
    public record Schedule(ScheduleResult result, String currency, String currencyNote) {
    }

    /** The series' own currency column's one value, or null when it has no such column (read only then). */
    private String seriesCurrency() {
        int eol = seriesCsv.indexOf('\n');
        String header = eol < 0 ? seriesCsv : seriesCsv.substring(0, eol);
        if (!header.contains("currency")) return null;
        Csv.Table t = Csv.parse(origin, seriesCsv);
        if (!t.has("currency")) return null;
        String found = null;
        for (Csv.Row row : t.rows()) {
            String c = Tariff.checkCurrency(row.required("currency"), row.file() + ":" + row.line());
            if (found != null && !found.equals(c)) throw row.error("currency", "is " + c + " where earlier rows say " + found + ": one currency per series");
            found = c;
        }
        return found;
    }
}
