package dev.wattiq.planner.selection;

import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.Ties;
import dev.wattiq.planner.frontier.Direction;
import dev.wattiq.planner.table.Table;
import java.util.List;
import java.util.Locale;

/**
 * The balance point: the frontier row closest (Euclidean) to the ideal point once every objective is scaled to
 * [0, 1] over the frontier (0 = the frontier's best, 1 = its worst). The default when no constraint or weight is
 * given; an objective with one value on the frontier does not count.
 */
public final class Knee implements Selector {
    private final List<String> columns;
    private final List<Direction> directions;

    /** @throws PlannerException when there is no objective or the lists differ in length */
    public Knee(List<String> columns, List<Direction> directions) {
        if (columns.isEmpty() || columns.size() != directions.size()) {
            throw new PlannerException("the balance point needs one direction per objective, e.g. energy_j:min,quality:max");
        }
        this.columns = List.copyOf(columns);
        this.directions = List.copyOf(directions);
    }

    @Override
    public Recommendation choose(Table table, boolean[] frontier) {
        int k = columns.size();
        double[] lo = new double[k];
        double[] hi = new double[k];
        double[][] cols = new double[k][];
        for (int j = 0; j < k; j++) {
            cols[j] = table.column(columns.get(j));
            lo[j] = Double.POSITIVE_INFINITY;
            hi[j] = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < table.rows(); i++) {
                if (!frontier[i]) continue;
                lo[j] = Math.min(lo[j], cols[j][i]);
                hi[j] = Math.max(hi[j], cols[j][i]);
            }
        }
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < table.rows(); i++) {
            if (!frontier[i]) continue;
            double d2 = 0;
            for (int j = 0; j < k; j++) {
                double range = hi[j] - lo[j];
                if (!(range > 0) || !Double.isFinite(range)) continue;
                double x = directions.get(j) == Direction.MIN ? (cols[j][i] - lo[j]) / range : (hi[j] - cols[j][i]) / range;
                d2 += x * x;
            }
            if (Ties.lower(d2, bestDistance)) { // ties (relative 1e-9) keep the first row
                bestDistance = d2;
                best = i;
            }
        }
        if (best < 0) throw new InfeasibleException("no candidates to choose from: give at least one row", "", Double.NaN);
        return new Recommendation(best, "balance", String.format(Locale.ROOT,
                "closest frontier point to the ideal over %s (each scaled to the frontier's range): distance %.3f",
                columns, Math.sqrt(bestDistance)));
    }
}
