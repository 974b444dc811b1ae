package dev.wattiq.planner.schedule;

import dev.wattiq.meter.io.Csv;
import dev.wattiq.planner.PlannerException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hourly price and carbon-intensity series for one or more regions, all covering the same hours with no gap.
 * Parsed from CSV with columns {@code timestamp,region,price_per_kwh,gco2e_per_kwh} (any order, extra columns
 * ignored); timestamps are ISO-8601 with a UTC offset, on the hour.
 *
 * @param start   the first hour
 * @param regions region names, in order of first appearance
 * @param price   {@code price[r][h]}: price per kWh of region r in hour h (may be negative: wholesale markets)
 * @param carbon  {@code carbon[r][h]}: grid intensity of region r in hour h, gCO2e per kWh
 */
public record Series(Instant start, List<String> regions, double[][] price, double[][] carbon) {
    private static final long HOUR_S = 3600;

    public Series {
        regions = List.copyOf(regions);
    }

    /** Number of hours covered. */
    public int hours() {
        return price.length == 0 ? 0 : price[0].length;
    }

    /** The start of hour {@code h}. */
    public Instant hour(int h) {
        return start.plusSeconds(h * HOUR_S);
    }

    /** The index of region {@code name}; throws listing the regions there are. */
    public int region(String name) {
        int r = regions.indexOf(name);
        if (r < 0) throw new PlannerException("unknown region '" + name + "': the series has " + regions);
        return r;
    }

    /**
     * Parses a series.
     *
     * @throws PlannerException naming line and column for a bad timestamp or number, a duplicate or missing hour,
     *                          a time without offset, or an empty file
     */
    public static Series parse(String text, String origin) {
        Csv.Table csv = Csv.parse(origin, text);
        int ct = csv.column("timestamp");
        int cr = csv.column("region");
        int cp = csv.column("price_per_kwh");
        int cc = csv.column("gco2e_per_kwh");
        int n = csv.size();
        if (n == 0) throw new PlannerException(origin + " has a header but no rows: add one row per region and hour");
        long[] epoch = new long[n];
        int[] region = new int[n];
        double[] p = new double[n];
        double[] c = new double[n];
        Map<String, Integer> ids = new LinkedHashMap<>();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            Csv.Row row = csv.row(i);
            epoch[i] = hourOf(row, ct);
            String name = row.text(cr);
            if (name.isEmpty()) throw error(row, cr, "is empty", "name the region, e.g. DE");
            region[i] = ids.computeIfAbsent(name, k -> ids.size());
            p[i] = row.number(cp);
            c[i] = row.number(cc);
            if (c[i] < 0) throw error(row, cc, "is " + c[i] + ", a negative carbon intensity", "give gCO2e per kWh >= 0");
            min = Math.min(min, epoch[i]);
            max = Math.max(max, epoch[i]);
        }
        int regions = ids.size();
        // every region needs every hour, so a span longer than all the rows has a gap: find it before allocating the
        // span (rows years apart would otherwise allocate, or overflow, hours x regions)
        long span = (max - min) / HOUR_S + 1;
        if (span > n) throw missing(origin, ids, epoch, region, min, max);
        int hours = (int) span;
        double[][] price = new double[regions][hours];
        double[][] carbon = new double[regions][hours];
        int[][] lineOf = new int[regions][hours];
        for (int i = 0; i < n; i++) {
            int h = (int) ((epoch[i] - min) / HOUR_S);
            int r = region[i];
            if (lineOf[r][h] != 0) {
                throw error(csv.row(i), ct, "duplicate hour " + Instant.ofEpochSecond(epoch[i]) + " for region "
                        + name(ids, r) + " (first on line " + lineOf[r][h] + ")", "keep one row per region and hour");
            }
            lineOf[r][h] = csv.row(i).line();
            price[r][h] = p[i];
            carbon[r][h] = c[i];
        }
        for (int r = 0; r < regions; r++) {
            for (int h = 0; h < hours; h++) {
                if (lineOf[r][h] == 0) {
                    throw gap(origin, name(ids, r), min + h * HOUR_S, min, max);
                }
            }
        }
        return new Series(Instant.ofEpochSecond(min), new ArrayList<>(ids.keySet()), price, carbon);
    }

    /** An error naming the file, line and column of a cell: {@code s.csv:3: column 1 (timestamp) <problem>: <fix>}. */
    private static PlannerException error(Csv.Row row, int col, String problem, String fix) {
        return new PlannerException(row.where(col) + " " + problem + ": " + fix);
    }

    /** The first hour some region lacks (regions in order of appearance), as the error to throw. */
    private static PlannerException missing(String origin, Map<String, Integer> ids, long[] epoch, int[] region, long min, long max) {
        for (int r = 0; r < ids.size(); r++) {
            final int rr = r;
            long[] mine = java.util.stream.IntStream.range(0, epoch.length).filter(i -> region[i] == rr).mapToLong(i -> epoch[i])
                    .sorted().distinct().toArray();
            long expected = min;
            for (long e : mine) {
                if (e != expected) break;
                expected += HOUR_S;
            }
            if (expected <= max) return gap(origin, name(ids, r), expected, min, max);
        }
        throw new IllegalStateException("a span longer than the rows with no missing hour");
    }

    private static PlannerException gap(String origin, String region, long hour, long min, long max) {
        return new PlannerException(origin + ": region " + region + " has no row for hour " + Instant.ofEpochSecond(hour)
                + " (the series spans " + Instant.ofEpochSecond(min) + " to " + Instant.ofEpochSecond(max)
                + "): fill the gap; every region needs every hour");
    }

    private static long hourOf(Csv.Row row, int col) {
        String s = row.text(col);
        long fast = FastTime.epochSecondOrMin(s);
        if (fast != Long.MIN_VALUE) {
            if (fast % HOUR_S != 0) throw error(row, col, "'" + s + "' is not on the hour (UTC)", "give hourly rows starting at :00");
            return fast;
        }
        OffsetDateTime t;
        try {
            t = OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            boolean local = s.matches("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");
            throw error(row, col, "'" + s + "' is not an ISO-8601 time with a UTC offset",
                    local ? "add the offset, e.g. " + s.replace(' ', 'T') + "Z or " + s.replace(' ', 'T') + "+01:00"
                            : "write e.g. 2025-01-01T00:00Z");
        }
        long epoch = t.toEpochSecond();
        if (t.getNano() != 0 || epoch % HOUR_S != 0) {
            throw error(row, col, "'" + s + "' is not on the hour (UTC)", "give hourly rows starting at :00");
        }
        return epoch;
    }

    private static String name(Map<String, Integer> ids, int r) {
        return ids.entrySet().stream().filter(e -> e.getValue() == r).findFirst().orElseThrow().getKey();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && start.equals(s.start) && regions.equals(s.regions)
                && Arrays.deepEquals(price, s.price) && Arrays.deepEquals(carbon, s.carbon);
    }

    @Override
    public int hashCode() {
        return start.hashCode() * 31 + regions.hashCode();
    }
}
