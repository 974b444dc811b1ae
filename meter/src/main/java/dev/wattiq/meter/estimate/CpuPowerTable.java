package dev.wattiq.meter.estimate;

import dev.wattiq.meter.io.Csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CPU power coefficients shipped in {@code dev/wattiq/meter/cpu-power.csv} (one row per CPU model with its
 * source and year, and a default row {@code *} for unknown CPUs) and the memory coefficient in
 * {@code memory-power.csv}.
 */
public final class CpuPowerTable {
    /**
     * One row.
     *
     * @param model   case-insensitive substring of the CPU model name; {@code *} for the default row
     * @param threads logical CPUs of one socket that {@code maxWatts} and {@code idleWatts} cover
     * @param maxWatts full-load power of those threads, in watts
     * @param idleWatts power at zero utilisation, in watts
     * @param source  where the numbers come from
     * @param year    the source's year
     */
    public record Row(String model, int threads, double maxWatts, double idleWatts, String source, int year) {
        public Row {
            if (threads < 1) throw new IllegalArgumentException("threads must be >= 1 for " + model);
            if (!(maxWatts > 0) || !(idleWatts >= 0) || idleWatts > maxWatts) {
                throw new IllegalArgumentException("need 0 <= idle_w <= max_w and max_w > 0 for " + model);
            }
            if (source.isBlank()) throw new IllegalArgumentException("every row needs a source: " + model);
        }

        public boolean isDefault() {
            return model.equals("*");
        }
    }

    /** Memory power: watts per GB of installed memory, with its source. */
    public record MemoryCoefficient(double wattsPerGb, String source, int year) {
    }

    private final List<Row> rows;
    private final Row defaultRow;
    private final MemoryCoefficient memory;

    CpuPowerTable(List<Row> rows, MemoryCoefficient memory) {
        this.rows = List.copyOf(rows);
        this.defaultRow = rows.stream().filter(Row::isDefault).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("cpu-power.csv needs a default row with model '*'"));
        this.memory = memory;
    }

    /** The shipped table. */
    public static CpuPowerTable shipped() {
        return new CpuPowerTable(parseCpu(resource("cpu-power.csv")), parseMemory(resource("memory-power.csv")));
    }

    /** Parses cpu-power.csv text (columns model, threads, max_w, idle_w, source, year). */
    static List<Row> parseCpu(String text, String source) {
        return parseCpu(Csv.parse(source, text));
    }

    private static List<Row> parseCpu(Csv.Table table) {
        List<Row> out = new ArrayList<>();
        for (Csv.Row r : table.require(List.of("model", "threads", "max_w", "idle_w", "source", "year")).rows()) {
            out.add(new Row(r.required("model"), r.integer("threads"), r.number("max_w"), r.number("idle_w"),
                    r.required("source"), r.integer("year")));
        }
        return out;
    }

    static MemoryCoefficient parseMemory(String text, String source) {
        return parseMemory(Csv.parse(source, text));
    }

    private static MemoryCoefficient parseMemory(Csv.Table table) {
        for (Csv.Row r : table.require(List.of("kind", "w_per_gb", "source", "year")).rows()) {
            if ("default".equals(r.text("kind"))) {
                double w = r.number("w_per_gb");
                if (!(w >= 0)) throw r.error("w_per_gb", "is " + w + ": must be >= 0");
                return new MemoryCoefficient(w, r.required("source"), r.integer("year"));
            }
        }
        throw new IllegalArgumentException(table.file() + ": no row with kind 'default'");
    }

    private static Csv.Table resource(String name) {
        return Csv.resource(CpuPowerTable.class, "/dev/wattiq/meter/" + name);
    }

    /** The row for a CPU model name: the longest pattern it contains, else the default row. */
    public Row lookup(String cpuModelName) {
        String name = cpuModelName.toLowerCase(Locale.ROOT);
        Row best = defaultRow;
        for (Row r : rows) {
            if (r.isDefault()) continue;
            if (name.contains(r.model().toLowerCase(Locale.ROOT)) && (best.isDefault() || r.model().length() > best.model().length())) {
                best = r;
            }
        }
        return best;
    }

    public List<Row> rows() {
        return rows;
    }

    public MemoryCoefficient memory() {
        return memory;
    }
}
