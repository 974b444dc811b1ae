package dev.wattiq.app.lab;

import dev.wattiq.lab.experiments.Trial;
import dev.wattiq.ledger.Point;
import dev.wattiq.planner.tune.Pareto;
import dev.wattiq.planner.tune.PointObjectives;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The balance between energy and quality: the Pareto frontier of (energy, quality) over the trials that have a
 * quality (the planner's {@link Pareto} engine), and the recommended point: the least energy among frontier points
 * whose quality is within {@code tolerance} of the best, the point where spending more buys (almost) nothing.
 *
 * @param pareto        per trial, whether it is on the frontier
 * @param recommended   index of the recommended trial, or -1 when no trial has a quality
 * @param reason        one sentence saying why
 */
public record Balance(boolean[] pareto, int recommended, String reason) {
    /** Default quality tolerance, in R² units. */
    public static final double DEFAULT_TOLERANCE = 0.01;

    public static Balance of(List<Trial> trials, double tolerance) {
        List<Integer> rated = new ArrayList<>();
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            Point p = trials.get(i).point();
            if (Double.isFinite(p.quality()) && Double.isFinite(p.energyJoules())) {
                rated.add(i);
                points.add(p);
            }
        }
        boolean[] on = new boolean[trials.size()];
        if (points.isEmpty()) return new Balance(on, -1, "no experiment has a quality figure to balance against energy");
        int[] front = Pareto.indices(points, List.of(PointObjectives.ENERGY_J, PointObjectives.QUALITY));
        double best = Double.NEGATIVE_INFINITY;
        int bestAt = -1;
        for (int f : front) {
            on[rated.get(f)] = true;
            if (points.get(f).quality() > best) {
                best = points.get(f).quality();
                bestAt = f;
            }
        }
        int pick = bestAt;
        for (int f : front) {
            Point p = points.get(f);
            if (p.quality() >= best - tolerance && p.energyJoules() < points.get(pick).energyJoules()) pick = f;
        }
        Point chosen = points.get(pick);
        Point top = points.get(bestAt);
        String reason;
        if (pick == bestAt) {
            reason = String.format(Locale.ROOT, "%s has the best quality (%s %.4f) and no frontier point within %.3g of it uses less energy",
                    chosen.name(), chosen.qualityMetric(), chosen.quality(), tolerance);
        } else {
            double saved = 1 - chosen.energyJoules() / top.energyJoules();
            reason = String.format(Locale.ROOT, "%s is the least energy within %.3g %s of the best (%s, %.4f): %.4f for %.0f%% less energy",
                    chosen.name(), tolerance, chosen.qualityMetric(), top.name(), top.quality(), chosen.quality(), saved * 100);
        }
        if (!(top.energyJoules() > 0)) reason += " (energy was not measured: no sensor)";
        return new Balance(on, rated.get(pick), reason);
    }
}
