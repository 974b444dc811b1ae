package dev.wattiq.ledger.carbon;

import dev.wattiq.ledger.LedgerException;
import dev.wattiq.meter.io.Csv;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * An hourly grid-intensity series that overrides the annual figure hour by hour. Read from a CSV with columns
 * {@code timestamp,gco2e_per_kwh}; timestamps are ISO-8601 with a UTC offset ({@code 2024-03-01T14:00Z} or
 * {@code 2024-03-01T15:00+01:00}). A row holds from its timestamp for one hour, or until the next row if sooner.
 *
 * @param points start of each hour -> gCO2e/kWh
 * @param source where the series comes from (the file name)
 */
public record IntensitySeries(NavigableMap<Instant, Double> points, String source) {
    /** How long one row holds. */
    public static final Duration STEP = Duration.ofHours(1);
    static final List<String> COLUMNS = List.of("timestamp", "gco2e_per_kwh");

    public IntensitySeries {
        Objects.requireNonNull(source, "source");
        points = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(points));
        for (Map.Entry<Instant, Double> e : points.entrySet()) AnnualIntensity.check(e.getValue(), source + " at " + e.getKey());
    }

    /** Reads a series file. */
    public static IntensitySeries read(Path file) {
        return parse(Csv.read(file).require(COLUMNS).rows(), file.toString());
    }

    /** Builds a series from CSV rows. */
    public static IntensitySeries parse(List<Csv.Row> rows, String source) {
        TreeMap<Instant, Double> m = new TreeMap<>();
        for (Csv.Row r : rows) {
            Instant t = timestamp(r);
            double g = r.number("gco2e_per_kwh");
            if (g < 0) throw r.error("gco2e_per_kwh", "is negative: intensities are >= 0 gCO2e/kWh");
            if (m.put(t, g) != null) throw r.error("timestamp", "repeats " + t + ": give each hour once");
        }
        if (m.isEmpty()) throw new LedgerException(source + " has a header but no rows: add one row per hour (timestamp,gco2e_per_kwh)");
        return new IntensitySeries(m, source);
    }

    private static Instant timestamp(Csv.Row r) {
        String s = r.required("timestamp");
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                java.time.LocalDateTime.parse(s);
                throw r.error("timestamp", "'" + s + "' has no UTC offset, so its hour is ambiguous: write " + s + "Z for UTC or add the offset, e.g. " + s + "+01:00");
            } catch (DateTimeParseException e2) {
                throw r.error("timestamp", "'" + s + "' is not an ISO-8601 time with offset: write e.g. 2024-03-01T14:00Z");
            }
        }
    }

    /** The intensity at {@code t}, or empty when the series does not cover it. */
    public OptionalDouble at(Instant t) {
        Map.Entry<Instant, Double> e = points.floorEntry(t);
        if (e == null || !t.isBefore(until(e.getKey()))) return OptionalDouble.empty();
        return OptionalDouble.of(e.getValue());
    }

    /** The first instant after {@code t} at which the value may change. */
    public Instant nextBoundary(Instant t) {
        Map.Entry<Instant, Double> e = points.floorEntry(t);
        Instant next = points.higherKey(t);
        if (e != null) {
            Instant end = until(e.getKey());
            if (end.isAfter(t) && (next == null || end.isBefore(next))) return end;
        }
        return next == null ? Instant.MAX : next;
    }

    private Instant until(Instant start) {
        Instant end = start.plus(STEP);
        Instant next = points.higherKey(start);
        return next != null && next.isBefore(end) ? next : end;
    }
}
