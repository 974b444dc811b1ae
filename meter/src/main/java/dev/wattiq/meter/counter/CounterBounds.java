package dev.wattiq.meter.counter;

import dev.wattiq.meter.io.Csv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stated power bounds of {@code dev/wattiq/meter/counter-bounds.csv}: one per counter kind ({@code cpu_package},
 * {@code dram}, {@code psys}, {@code gpu}, ...) with its source and year, and the headroom factor applied to a limit
 * the hardware states itself. Where a zone states its maximum, {@link #fromLimit} uses it; otherwise the row for the
 * kind, as {@link #stated}.
 */
public final class CounterBounds {
    /** The row name of the headroom factor. */
    public static final String HEADROOM = "constraint_headroom";
    private record Row(double value, String source, int year) {
    }

    private final Map<String, Row> rows;

    CounterBounds(Map<String, Row> rows) {
        if (!rows.containsKey(HEADROOM)) throw new IllegalArgumentException("counter-bounds.csv needs a " + HEADROOM + " row");
        this.rows = Map.copyOf(rows);
    }

    private static final class Shipped {
        static final CounterBounds TABLE = of(Csv.resource(CounterBounds.class, "/dev/wattiq/meter/counter-bounds.csv"));
    }

    /** The shipped table (parsed once). */
    public static CounterBounds shipped() {
        return Shipped.TABLE;
    }

    /** Parses counter-bounds.csv text (columns kind, max_w, source, year). */
    static CounterBounds parse(String text, String source) {
        return of(Csv.parse(source, text));
    }

    private static CounterBounds of(Csv.Table table) {
        String source = table.file();
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Csv.Row r : table.require(List.of("kind", "max_w", "source", "year")).rows()) {
            String kind = r.text("kind");
            double value = r.number("max_w");
            int year = r.integer("year");
            String src = r.text("source");
            if (kind.isBlank() || !(value > 0) || src.isBlank()) {
                throw new IllegalArgumentException(source + ": row '" + kind + "' needs a kind, a positive max_w and a source");
            }
            if (rows.put(kind, new Row(value, src, year)) != null) throw new IllegalArgumentException(source + ": kind " + kind + " twice");
        }
        return new CounterBounds(rows);
    }

    /** The factor over a stated hardware maximum (see the data file). */
    public double headroom() {
        return rows.get(HEADROOM).value();
    }

    /**
     * The stated bound for {@code kind}, or for an unknown kind the largest bound in the table (a counter of a kind
     * nobody listed is held to the loosest rule, never to none).
     */
    public PowerBound stated(String kind) {
        Row r = rows.get(kind);
        if (r != null && !kind.equals(HEADROOM)) {
            return new PowerBound(r.value(), "stated bound for " + kind + " in counter-bounds.csv: " + r.source() + ", " + r.year());
        }
        String widest = null;
        for (var e : rows.entrySet()) {
            if (e.getKey().equals(HEADROOM)) continue;
            if (widest == null || e.getValue().value() > rows.get(widest).value()) widest = e.getKey();
        }
        if (widest == null) throw new IllegalStateException("counter-bounds.csv lists no bound");
        return new PowerBound(rows.get(widest).value(), "no bound listed for " + kind + "; the widest in counter-bounds.csv ("
                + widest + ")");
    }

    /**
     * The bound of a zone that states its own maximum power: {@code limitWatts} times the headroom factor, or the
     * stated bound for {@code kind} when that is tighter (firmware that states an absurd maximum does not switch the
     * rule off) or when {@code limitWatts} is not a positive number (absent, or 0 as some firmware writes).
     *
     * @param what names the limit in the note, e.g. {@code "constraint_1_max_power_uw"}
     */
    public PowerBound fromLimit(double limitWatts, String what, String kind) {
        PowerBound stated = stated(kind);
        if (!(limitWatts > 0) || Double.isInfinite(limitWatts)) return stated;
        double h = headroom();
        if (limitWatts * h >= stated.watts()) return stated;
        return new PowerBound(limitWatts * h, PowerBound.fmt(h) + " x " + what + " " + PowerBound.fmt(limitWatts)
                + " W; headroom from counter-bounds.csv");
    }
}
