package dev.wattiq.planner.tune;

import java.util.Arrays;

/**
 * Drops the points one pivot dominates, before the exact sweep. Exact: a dropped point is dominated, and any point
 * a dropped point dominates is dominated by the pivot too, so the frontier of the survivors is the frontier of all.
 * The pivot is the point with the smallest sum of min-max-normalised objectives (any pivot is correct; a central
 * one near the ideal point drops the most). O(n·k); on random data it leaves a small fraction of the points.
 */
final class PivotFilter {
    private PivotFilter() {
    }

    /** Indices (ascending) of the points the pivot does not dominate; the pivot and its duplicates among them. */
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
        int pivot = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double score = 0;
            for (int j = 0; j < k; j++) {
                if (invRange[j] != 0) score += (sign[j] * columns[j][i] - lo[j]) * invRange[j];
            }
            if (score < best) {
                best = score;
                pivot = i;
            }
        }
        double[] p = new double[k];
        for (int j = 0; j < k; j++) p[j] = directions[j] == Direction.MAX ? -columns[j][pivot] : columns[j][pivot];
        int[] out = new int[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            boolean allNoWorse = true;
            boolean strictly = false;
            for (int j = 0; j < k && allNoWorse; j++) {
                double x = directions[j] == Direction.MAX ? -columns[j][i] : columns[j][i];
                if (p[j] > x) allNoWorse = false;
                else if (p[j] < x) strictly = true;
            }
            if (!(allNoWorse && strictly)) out[size++] = i;
        }
        return Arrays.copyOf(out, size);
    }
}
