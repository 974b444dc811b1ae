package dev.wattiq.app.run;

import dev.wattiq.app.store.RunRecord;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The figures of a set of runs of one command ({@code wattiq run --repeat N}, or a group {@code wattiq compare} reads
 * back), each as a {@link Spread}: time, energy (total and per component), average power, cost and CO2e.
 * Keys are the JSON names, units in the suffix.
 */
public final class RepeatFigures {
    /** The label that groups the runs of one {@code wattiq run --repeat N} (value {@code rep-...}). */
    public static final String GROUP_LABEL = "repeat_group";
    private RepeatFigures() {
    }

    /** Every figure of {@code runs}, in a fixed order: duration, energy total, energy per component, power, cost, CO2e. */
    public static Map<String, Spread> of(List<RunRecord> runs) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        Set<String> components = new LinkedHashSet<>();
        for (RunRecord r : runs) components.addAll(r.joulesByComponent().keySet());
        for (RunRecord r : runs) {
            add(values, "duration_s", r.durationSeconds());
            add(values, "energy_j.total", r.totalJoules());
            for (String c : components) add(values, "energy_j." + c, r.joulesByComponent().getOrDefault(c, Double.NaN));
            add(values, "power_w.avg", r.avgPowerWatts());
            add(values, "cost", r.bill() == null ? Double.NaN : r.bill().cost().amount());
            add(values, "co2e_kg.location_based", r.bill() == null ? Double.NaN : r.bill().co2eLocationKg());
        }
        Map<String, Spread> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Double>> e : values.entrySet()) {
            Spread s = Spread.of(e.getValue().stream().mapToDouble(Double::doubleValue).toArray());
            if (s.n() > 0) out.put(e.getKey(), s);
        }
        return out;
    }

    private static void add(Map<String, List<Double>> values, String key, double v) {
        values.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
    }

    /** One JSON object per figure: {@code median, min, max, q1, q3, iqr, range_rel, n}. */
    public static Map<String, Object> json(Map<String, Spread> figures) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Spread> e : figures.entrySet()) {
            Spread s = e.getValue();
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("median", s.median());
            o.put("min", s.min());
            o.put("max", s.max());
            o.put("q1", s.q1());
            o.put("q3", s.q3());
            o.put("iqr", s.iqr());
            o.put("range_rel", Double.isFinite(s.rangeRel()) ? s.rangeRel() : null);
            o.put("n", s.n());
            out.put(e.getKey(), o);
        }
        return out;
    }

    /** The text table: one line per figure with median, min-max, IQR and the range relative to the median. */
    public static void print(Map<String, Spread> figures, PrintWriter out) {
        out.printf(Locale.ROOT, "  %-28s %12s %12s %12s %12s %8s%n", "figure", "median", "min", "max", "iqr", "range");
        for (Map.Entry<String, Spread> e : figures.entrySet()) {
            Spread s = e.getValue();
            out.printf(Locale.ROOT, "  %-28s %12s %12s %12s %12s %8s%n", e.getKey(), num(s.median()), num(s.min()), num(s.max()),
                    num(s.iqr()), Double.isFinite(s.rangeRel()) ? String.format(Locale.ROOT, "%.1f%%", s.rangeRel() * 100) : "-");
        }
    }

    static String num(double v) {
        if (!Double.isFinite(v)) return "-";
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e6) ? String.format(Locale.ROOT, "%.4g", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
