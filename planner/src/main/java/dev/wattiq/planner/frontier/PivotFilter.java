package dev.wattiq.planner.frontier;

import java.util.Arrays;

/**
 * Drops the points a few pivots dominate, before the exact sweep. Exact: a dropped point is dominated, and any point
 * a dropped point dominates is dominated by that pivot too, so the frontier of the survivors is the frontier of all.
 * Pivots: the point with the smallest sum of min-max-normalised objectives (central, near the ideal point), and for
 * each objective the best point on it (ties broken by that sum), which dominates much of correlated data. Any pivot
 * is correct; good ones drop the most. O(n·k²); on random data it leaves a small fraction of the points.
 */
final class PivotFilter {
    private PivotFilter() {
    }

    /** Indices (ascending) of the points no pivot dominates; the pivots and their duplicates among them. */
    static int[] survivors(double[][] columns, Direction[] directions) {
        int k = columns.length;
        int n = columns[0].length;
        double[] sign = new double[k];
        double[] lo = new double[k];
        double[] invRange = new double[k];
        for (int j = 0; j < k; j++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            sign[j] = directions[j] == Direction.MAX ? -1 : 1;
            for (double v : columns[j]) {
                double x = sign[j] * v;
                if (x < min) min = x;
                if (x > max) max = x;
            }
            double range = max - min;
            boolean usable = Double.isFinite(range) && range > 0;
            lo[j] = usable ? min : 0;
            invRange[j] = usable ? 1 / range : 0; // an infinite or empty range contributes nothing to the score
        }
        double[] score = new double[n];
        int central = 0;
        int[] bestOn = new int[k];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < k; j++) {
                if (invRange[j] != 0) s += (sign[j] * columns[j][i] - lo[j]) * invRange[j];
            }
            score[i] = s;
            if (s < score[central]) central = i;
            for (int j = 0; j < k; j++) {
                double x = sign[j] * columns[j][i];
                double b = sign[j] * columns[j][bestOn[j]];
                if (x < b || x == b && s < score[bestOn[j]]) bestOn[j] = i;
            }
        }
        int[] pivots = new int[k + 1];
        pivots[0] = central;
        System.arraycopy(bestOn, 0, pivots, 1, k);
        double[][] p = new double[pivots.length][k];
        for (int q = 0; q < pivots.length; q++) {
            for (int j = 0; j < k; j++) p[q][j] = sign[j] * columns[j][pivots[q]];
        }
        int[] out = new int[n];
        int size = 0;
        double[] x = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) x[j] = sign[j] * columns[j][i];
            boolean dominated = false;
            for (int q = 0; q < p.length && !dominated; q++) dominated = dominates(p[q], x);
            if (!dominated) out[size++] = i;
        }
        return Arrays.copyOf(out, size);
    }

    private static boolean dominates(double[] a, double[] b) {
        boolean strictly = false;
        for (int j = 0; j < a.length; j++) {
            if (a[j] > b[j]) return false;
            if (a[j] < b[j]) strictly = true;
        }
        return strictly;
    }
}
