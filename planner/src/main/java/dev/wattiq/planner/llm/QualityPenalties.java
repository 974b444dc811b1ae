package dev.wattiq.planner.llm;

import dev.wattiq.meter.io.Csv;
import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.hardware.Precision;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Loss multipliers for precision and pruning, stated assumptions with sources in {@code tune/quality_penalties.csv}:
 * a configuration's predicted loss is the scaling law's loss times these factors.
 */
public final class QualityPenalties {
    private static final QualityPenalties SHIPPED = new QualityPenalties();
    private final Map<String, Double> multipliers = new HashMap<>();
    private final Map<String, String> sources = new HashMap<>();

    private QualityPenalties() {
        String f = "quality_penalties.csv";
        for (Csv.Row r : Csv.resource(QualityPenalties.class, "/dev/wattiq/planner/llm/" + f).rows()) {
            String key = r.text("knob") + "=" + r.text("value");
            multipliers.put(key, r.number("loss_multiplier", Double.NaN));
            sources.put(key, r.text("source"));
        }
    }

    /** The shipped table. */
    public static QualityPenalties shipped() {
        return SHIPPED;
    }

    /** The loss multiplier for a precision (tf32 counts as fp32, mxfp4 as int4). */
    public double precision(Precision p) {
        String name = switch (p) {
            case TF32 -> "fp32";
            case MXFP4 -> "int4";
            default -> p.label();
        };
        return lookup("precision=" + name);
    }

    /**
     * The loss multiplier for a pruning sparsity, interpolated linearly between the table's rows.
     *
     * @param structured true for structured (e.g. 2:4) sparsity
     */
    public double sparsity(double sparsity, boolean structured) {
        PlannerException.requireFraction("sparsity", sparsity, true);
        String knob = structured ? "sparsity_structured" : "sparsity_unstructured";
        double at50 = lookup(knob + "=0.5");
        if (sparsity <= 0.5) return 1 + (at50 - 1) * sparsity / 0.5;
        throw new PlannerException(String.format(Locale.ROOT, "sparsity %.2f is beyond the table's 0.5: no stated "
                + "penalty for it; measure the pruned model with 'wattiq run' instead", sparsity));
    }

    /** Where a multiplier comes from. */
    public String source(String key) {
        return sources.getOrDefault(key, "");
    }

    private double lookup(String key) {
        Double m = multipliers.get(key);
        if (m == null) throw new PlannerException("quality_penalties.csv has no row for " + key + ": add one with its source");
        return m;
    }
}
