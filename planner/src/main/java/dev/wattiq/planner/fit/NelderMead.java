package dev.wattiq.planner.fit;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Derivative-free minimisation over a box (Nelder and Mead 1965, with the standard coefficients: reflection 1,
 * expansion 2, contraction 1/2, shrink 1/2). The planner's fits have two to nine coefficients and objectives that are
 * piecewise smooth (a median-like loss over published rows), where a simplex search is the usual tool. Points are
 * clamped into the box before each evaluation, so the objective only ever sees admissible coefficients.
 *
 * <p>Deterministic: the same start, box and objective give the same answer, which the cross-validation relies on (a
 * fold's fit depends on its rows only).
 */
public final class NelderMead {
    private NelderMead() {
    }

    /**
     * Minimises {@code f} from {@code start} inside [{@code lo}, {@code hi}].
     *
     * @param step     initial simplex edge per coordinate
     * @param maxEvals evaluation budget
     * @return the best point found (clamped into the box)
     */
    public static double[] minimise(ToDoubleFunction<double[]> f, double[] start, double[] lo, double[] hi,
                                    double[] step, int maxEvals) {
        int n = start.length;
        double[][] simplex = new double[n + 1][];
        double[] values = new double[n + 1];
        simplex[0] = clamp(start.clone(), lo, hi);
        values[0] = f.applyAsDouble(simplex[0]);
        for (int i = 0; i < n; i++) {
            double[] p = simplex[0].clone();
            p[i] = p[i] + step[i] <= hi[i] ? p[i] + step[i] : p[i] - step[i];
            simplex[i + 1] = clamp(p, lo, hi);
            values[i + 1] = f.applyAsDouble(simplex[i + 1]);
        }
        int evals = n + 1;
        Integer[] order = new Integer[n + 1];
        while (evals < maxEvals) {
            for (int i = 0; i <= n; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
            double[][] s = new double[n + 1][];
            double[] v = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                s[i] = simplex[order[i]];
                v[i] = values[order[i]];
            }
            System.arraycopy(s, 0, simplex, 0, n + 1);
            System.arraycopy(v, 0, values, 0, n + 1);
            // Converged when the values agree and the simplex has shrunk: equal values alone can be a tie of distinct
            // points around the minimum (a symmetric bowl), where stopping would return a point off the minimum.
            if (Math.abs(values[n] - values[0]) <= 1e-10 * (Math.abs(values[0]) + 1e-12) && small(simplex, step)) break;
            double[] centroid = new double[n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) centroid[j] += simplex[i][j] / n;
            double[] reflected = clamp(blend(centroid, simplex[n], -1), lo, hi);
            double fr = f.applyAsDouble(reflected);
            evals++;
            if (fr < values[0]) {
                double[] expanded = clamp(blend(centroid, simplex[n], -2), lo, hi);
                double fe = f.applyAsDouble(expanded);
                evals++;
                replaceWorst(simplex, values, fe < fr ? expanded : reflected, Math.min(fe, fr));
            } else if (fr < values[n - 1]) {
                replaceWorst(simplex, values, reflected, fr);
            } else {
                double[] contracted = clamp(blend(centroid, fr < values[n] ? reflected : simplex[n], 0.5), lo, hi);
                double fc = f.applyAsDouble(contracted);
                evals++;
                if (fc < Math.min(fr, values[n])) {
                    replaceWorst(simplex, values, contracted, fc);
                } else {
                    for (int i = 1; i <= n; i++) {
                        simplex[i] = clamp(blend(simplex[0], simplex[i], 0.5), lo, hi);
                        values[i] = f.applyAsDouble(simplex[i]);
                    }
                    evals += n;
                }
            }
        }
        int best = 0;
        for (int i = 1; i <= n; i++) if (values[i] < values[best]) best = i;
        return simplex[best];
    }

    /** Whether every vertex lies within 1e-6 of its initial step from the best vertex, in every coordinate. */
    private static boolean small(double[][] simplex, double[] step) {
        for (int i = 1; i < simplex.length; i++) {
            for (int j = 0; j < step.length; j++) {
                if (Math.abs(simplex[i][j] - simplex[0][j]) > 1e-6 * Math.abs(step[j])) return false;
            }
        }
        return true;
    }

    /** centroid + t x (point - centroid). */
    private static double[] blend(double[] centroid, double[] point, double t) {
        double[] r = new double[centroid.length];
        for (int i = 0; i < r.length; i++) r[i] = centroid[i] + t * (point[i] - centroid[i]);
        return r;
    }

    private static void replaceWorst(double[][] simplex, double[] values, double[] p, double v) {
        simplex[simplex.length - 1] = p;
        values[values.length - 1] = v;
    }

    static double[] clamp(double[] p, double[] lo, double[] hi) {
        for (int i = 0; i < p.length; i++) p[i] = Math.max(lo[i], Math.min(hi[i], p[i]));
        return p;
    }
}
