package dev.wattiq.planner.fit;

import dev.wattiq.meter.io.Csv;
import dev.wattiq.planner.PlannerException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fitted coefficients' starting values and admissible ranges (fitted.csv, each with what it means and why the
 * range). The fit starts every fold from these same values, never from a previous fit, so a fold's answer depends on
 * its own rows only.
 */
public final class Priors {
    private static final Priors SHIPPED = new Priors(Csv.resource(Priors.class, "/dev/wattiq/planner/fitted.csv").rows());
    private final Map<String, Prior> byKey = new LinkedHashMap<>();

    /**
     * One coefficient's prior.
     *
     * @param key    dotted name, as in the plan's assumptions
     * @param start  where the search starts
     * @param min    smallest admissible value
     * @param max    largest admissible value
     * @param step   the initial simplex edge
     * @param unit   unit
     * @param source what the coefficient means and where its range comes from
     */
    public record Prior(String key, double start, double min, double max, double step, String unit, String source) {
    }

    public Priors(List<Csv.Row> rows) {
        for (Csv.Row r : rows) {
            String key = r.text("key");
            Prior p = new Prior(key, r.number("start"), r.number("min"), r.number("max"), r.number("step"), r.text("unit"),
                    r.text("source"));
            if (!(p.min() <= p.start() && p.start() <= p.max()) || !(p.step() > 0)) {
                throw new PlannerException("fitted.csv: " + key + " needs min <= start <= max and step > 0: fix the row");
            }
            byKey.put(key, p);
        }
    }

    public static Priors shipped() {
        return SHIPPED;
    }

    public Prior get(String key) {
        Prior p = byKey.get(key);
        if (p == null) throw new PlannerException("fitted.csv has no key '" + key + "': add it with its range and meaning");
        return p;
    }

    /** Start, bounds and steps of {@code keys}, in order, for {@link NelderMead}. */
    public double[][] box(List<String> keys) {
        double[][] b = new double[4][keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            Prior p = get(keys.get(i));
            b[0][i] = p.start();
            b[1][i] = p.min();
            b[2][i] = p.max();
            b[3][i] = p.step();
        }
        return b;
    }
}
