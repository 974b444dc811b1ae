package dev.wattiq.app.lab;

import dev.wattiq.lab.experiments.Trial;
import dev.wattiq.ledger.Point;
import dev.wattiq.planner.frontier.Pareto;
import dev.wattiq.planner.frontier.PointObjectives;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The balance between energy and quality: the Pareto frontier of (energy, quality) over the trials that have a
 * quality (the planner's {@link Pareto} engine), and the recommended point. The reference is the simplest configuration
 * of the best quality (the first trial, in the order given, whose quality is within twice the test-set standard error
 * of the best). Another configuration is recommended over it only when its quality is the same (within twice the
 * test-set standard error) or within {@code tolerance} of the reference's and its energy is lower by more than the measurement noise: twice the standard error of the difference
 * of the two means, the run-to-run noise being pooled over every trial that was measured more than once (the
 * relative standard deviation of one run's energy); of several, the least energy. Otherwise the recommendation is
 * "no significant difference: keep the simplest". Without repeats the noise is unknown and no saving is claimed.
 * A trial marked emulated (config {@code emulated=true}) is never recommended for energy.
 *
 * @param pareto          per trial, whether it is on the frontier
 * @param recommended     index of the recommended trial, or -1 when no trial has a quality
 * @param reason          one sentence saying why, with quality and energy and their uncertainties
 * @param energyNoiseRel  pooled relative standard deviation of one run's energy (NaN when nothing was repeated)
 */
public record Balance(boolean[] pareto, int recommended, String reason, double energyNoiseRel) {
    /** Default quality tolerance, in R² units: none beyond the test-set error (the same quality). */
    public static final double DEFAULT_TOLERANCE = 0;

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
        double noise = pooledNoise(trials);
        boolean[] on = new boolean[trials.size()];
        if (points.isEmpty()) return new Balance(on, -1, "no experiment has a quality figure to balance against energy", noise);
        int[] front = tiesRemoved(trials, rated, Pareto.indices(points, List.of(PointObjectives.ENERGY_J, PointObjectives.QUALITY)));
        int bestAt = front[0];
        for (int f : front) {
            on[rated.get(f)] = true;
            if (points.get(f).quality() > points.get(bestAt).quality()) bestAt = f;
        }
        Trial bestOfFrontier = trials.get(rated.get(bestAt));
        if (Double.isFinite(noise)) on = beyondNoise(trials, rated, noise); // measured noise: a tie is not a domination
        // The reference is the simplest configuration of the best quality: the first trial (the demo lists them simplest
        // first: quality is fp32, one worker, no pruning) whose quality is within twice the test-set standard error of the
        // best's. Qualities are deterministic (seeded training), so the reference does not move with the machine's load.
        Trial best = null;
        for (int i : rated) {
            Trial t = trials.get(i);
            if (!emulated(t) && (best == null || t.point().quality() > best.point().quality())) best = t;
        }
        if (best == null) best = bestOfFrontier;
        Trial top = null;
        for (int i : rated) {
            Trial t = trials.get(i);
            if (!emulated(t) && best.point().quality() - t.point().quality() <= 2 * Math.hypot(r2StdError(t), r2StdError(best))) {
                top = t;
                break;
            }
        }
        if (top == null) top = best;
        // Another configuration is recommended over it only when it saves energy beyond the noise at (nearly) its quality;
        // an emulated configuration (16-bit arithmetic this CPU does not have) never is: its energy here is not its energy.
        Trial chosen = top;
        List<String> emulated = new ArrayList<>();
        for (int i : rated) {
            Trial t = trials.get(i);
            if (emulated(t)) {
                emulated.add(t.name());
                continue;
            }
            boolean sameQuality = top.point().quality() - t.point().quality() <= 2 * Math.hypot(r2StdError(t), r2StdError(top));
            if (t != top && (sameQuality || t.point().quality() >= top.point().quality() - tolerance) && significantlyLess(t, top, noise)
                    && t.point().energyJoules() < chosen.point().energyJoules()) {
                chosen = t;
            }
        }
        String metric = chosen.point().qualityMetric();
        String reason;
        if (chosen == top) {
            reason = String.format(Locale.ROOT, "no significant difference: keep the simplest, %s (%s %s, energy %s): no configuration "
                            + "of its quality%s uses less energy by more than the measurement noise (%s)",
                    top.name(), metric, quality(top), energy(top, noise),
                    tolerance > 0 ? String.format(Locale.ROOT, " or within %.3g %s of it", tolerance, metric) : "", noiseText(noise, top));
        } else {
            double saved = 1 - chosen.point().energyJoules() / top.point().energyJoules();
            reason = String.format(Locale.ROOT, "%s gives up %.4f %s (%s against %s for %s) for %.0f%% less energy (%s against %s; %s)",
                    chosen.name(), top.point().quality() - chosen.point().quality(), metric, quality(chosen), quality(top), top.name(),
                    saved * 100, energy(chosen, noise), energy(top, noise), noiseText(noise, top));
        }
        if (!emulated.isEmpty()) reason += "; emulated on this CPU, never recommended for energy: " + String.join(", ", emulated);
        if (!(top.point().energyJoules() > 0)) reason += " (energy was not measured: no sensor)";
        return new Balance(on, trials.indexOf(chosen), reason, noise);
    }

    /**
     * The frontier without points whose quality only beats a cheaper frontier point by less than twice the test-set
     * standard error of the difference: such a quality difference is not resolved, so the cheaper point dominates.
     */
    static int[] tiesRemoved(List<Trial> trials, List<Integer> rated, int[] front) {
        return java.util.Arrays.stream(front).filter(f -> {
            Trial t = trials.get(rated.get(f));
            for (int g : front) {
                Trial o = trials.get(rated.get(g));
                if (o.point().energyJoules() < t.point().energyJoules()
                        && t.point().quality() - o.point().quality() <= 2 * Math.hypot(r2StdError(t), r2StdError(o))) return false;
            }
            return true;
        }).toArray();
    }

    /**
     * The frontier with the measured noise: a trial is on it unless another is at least as good in both figures (quality
     * within twice the test-set standard error, energy within twice the standard error of the difference) and better
     * beyond that in one of them. A saving inside the noise dominates nothing.
     */
    static boolean[] beyondNoise(List<Trial> trials, List<Integer> rated, double noise) {
        boolean[] on = new boolean[trials.size()];
        for (int i : rated) {
            Trial t = trials.get(i);
            boolean dominated = false;
            for (int j : rated) {
                Trial o = trials.get(j);
                if (o == t) continue;
                double seq = 2 * Math.hypot(r2StdError(t), r2StdError(o));
                double seE = 2 * Math.hypot(energyStdError(t, noise), energyStdError(o, noise));
                boolean asGood = o.point().quality() >= t.point().quality() - seq && o.point().energyJoules() <= t.point().energyJoules() + seE;
                if (asGood && (o.point().quality() > t.point().quality() + seq || significantlyLess(o, t, noise))) dominated = true;
            }
            on[i] = !dominated;
        }
        return on;
    }

    /** Pooled relative standard deviation of one run's energy over the trials measured more than once; NaN if none. */
    static double pooledNoise(List<Trial> trials) {
        double sum = 0;
        int n = 0;
        for (Trial t : trials) {
            double sd = t.figures().getOrDefault("energy_j_sd", Double.NaN);
            double e = t.point().energyJoules();
            if (repeats(t) >= 2 && Double.isFinite(sd) && e > 0) {
                sum += (sd / e) * (sd / e);
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.sqrt(sum / n);
    }

    /** Standard error of a trial's mean energy, in joules (NaN when the noise is unknown). */
    static double energyStdError(Trial t, double noise) {
        return noise * t.point().energyJoules() / Math.sqrt(repeats(t));
    }

    /** Whether {@code a} uses less energy than {@code b} by more than twice the standard error of the difference. */
    static boolean significantlyLess(Trial a, Trial b, double noise) {
        double se = Math.hypot(energyStdError(a, noise), energyStdError(b, noise));
        return Double.isFinite(se) && b.point().energyJoules() - a.point().energyJoules() > 2 * se;
    }

    /** Whether the trial's arithmetic is emulated on this hardware (its config says {@code emulated=true}). */
    static boolean emulated(Trial t) {
        return "true".equals(t.config().get("emulated"));
    }

    private static double r2StdError(Trial t) {
        double se = t.quality().getOrDefault("r2_se", 0.0);
        return Double.isFinite(se) ? se : 0;
    }

    private static int repeats(Trial t) {
        return (int) Math.round(t.figures().getOrDefault("repeats", 1.0));
    }

    private static String quality(Trial t) {
        double se = t.quality().getOrDefault("r2_se", Double.NaN);
        return Double.isFinite(se) ? String.format(Locale.ROOT, "%.4f ± %.4f", t.point().quality(), se)
                : String.format(Locale.ROOT, "%.4f", t.point().quality());
    }

    private static String energy(Trial t, double noise) {
        double se = energyStdError(t, noise);
        return Double.isFinite(se) ? String.format(Locale.ROOT, "%.2f ± %.2f J", t.point().energyJoules(), se)
                : String.format(Locale.ROOT, "%.2f J", t.point().energyJoules());
    }

    private static String noiseText(double noise, Trial t) {
        if (!Double.isFinite(noise)) return "unknown: each run was measured once, so no saving is claimed";
        return String.format(Locale.ROOT, "run-to-run energy noise ±%.1f%% per run, %d runs each; quality ± is the test-set standard error",
                noise * 100, repeats(t));
    }
}
