package dev.wattiq.planner.data;

import dev.wattiq.ledger.Assumption;
import dev.wattiq.ledger.Provenance;
import dev.wattiq.meter.io.Csv;
import dev.wattiq.planner.PlannerException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The planner's model constants (defaults.csv): every number with its unit, source and year. Code asks for values by
 * key; each plan lists the ones it used as {@link Assumption}s.
 */
public final class Defaults {
    private static final Defaults SHIPPED = new Defaults(Csv.resource(Defaults.class, "/dev/wattiq/planner/defaults.csv").rows());
    private final Map<String, Assumption> values = new LinkedHashMap<>();
    private final Map<String, Double> numbers = new LinkedHashMap<>();

    public Defaults(List<Csv.Row> rows) {
        for (Csv.Row r : rows) {
            String key = r.text("key");
            double v = r.number("value");
            numbers.put(key, v);
            values.put(key, Assumption.of(key, v, r.text("unit"), r.text("source") + " (" + r.text("year") + ")",
                    Provenance.dataFile(r.file(), r.line())));
        }
    }

    /** The defaults shipped in the planner jar. */
    public static Defaults shipped() {
        return SHIPPED;
    }

    public double get(String key) {
        assumption(key);
        return numbers.get(key);
    }

    public Assumption assumption(String key) {
        Assumption a = values.get(key);
        if (a == null) throw new PlannerException("defaults.csv has no key '" + key + "': add it with a source");
        return a;
    }
}
