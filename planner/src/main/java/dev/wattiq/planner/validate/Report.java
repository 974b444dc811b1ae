package dev.wattiq.planner.validate;

import dev.wattiq.planner.published.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * What a validation found: every scored comparison, and every row (or cell) that could not be scored for a metric,
 * with its line and the field at fault.
 *
 * @param comparisons scored figures
 * @param problems    rows and cells not scored, each with its reason
 * @param method      how the out-of-sample predictions were made (for the printed header)
 */
public record Report(List<Comparison> comparisons, List<Problem> problems, String method) {
    public Report {
        comparisons = List.copyOf(comparisons);
        problems = List.copyOf(problems);
    }

    /** Both reports' rows and problems. */
    public Report and(Report other) {
        List<Comparison> c = new ArrayList<>(comparisons);
        c.addAll(other.comparisons);
        List<Problem> p = new ArrayList<>(problems);
        p.addAll(other.problems);
        return new Report(c, p, method + "; " + other.method);
    }

    public Summary summary(String mode, String metric) {
        return Summary.of(comparisons, mode, metric);
    }
}
