package dev.wattiq.planner.tune;

import java.util.Arrays;

/**
 * Dense ranks of objective columns and the lexicographic order of points by them. Ranks keep order and equality
 * exactly ({@code a < b} iff {@code rank(a) < rank(b)}), so the frontier algorithms work on small ints instead of
 * doubles, and ties need no epsilon.
 */
final class Ranks {
    private Ranks() {
    }

    /**
     * Dense ranks (0 = best) of one column: for {@link Direction#MIN} the smallest value gets 0, for
     * {@link Direction#MAX} the largest. {@code -0.0} and {@code 0.0} are the same value.
     *
     * @param ranksOut receives the ranks, one per value
     * @return the number of distinct values
     * @throws IllegalArgumentException when a value is NaN, naming the point and the objective
     */
    static int dense(double[] values, Direction direction, String name, int[] ranksOut) {
        int n = values.length;
        double[] sorted = new double[n];
        boolean max = direction == Direction.MAX;
        for (int i = 0; i < n; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("objective '" + name + "' is not a number at point " + i
                        + " (0-based): give every point a value for it, or leave that objective out");
            }
            sorted[i] = (max ? -v : v) + 0.0; // + 0.0 turns -0.0 into 0.0
        }
        double[] keys = n >= 1 << 16 ? sortedParallel(sorted.clone()) : sortedCopy(sorted);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || keys[i] != keys[distinct - 1]) keys[distinct++] = keys[i];
        }
        for (int i = 0; i < n; i++) ranksOut[i] = lowerBound(keys, distinct, sorted[i]);
        return distinct;
    }

    private static double[] sortedCopy(double[] a) {
        double[] c = a.clone();
        Arrays.sort(c);
        return c;
    }

    private static double[] sortedParallel(double[] a) {
        Arrays.parallelSort(a);
        return a;
    }

    private static int lowerBound(double[] keys, int size, double v) {
        int lo = 0;
        int hi = size - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /**
     * The points' indices sorted lexicographically by their ranks (first objective first), stable: an LSD radix
     * sort with one counting pass per objective, O(k·(n + distinct)).
     */
    static int[] lexicographicOrder(int[][] ranks, int[] distinct, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        int[] scratch = new int[n];
        for (int j = ranks.length - 1; j >= 0; j--) {
            int[] r = ranks[j];
            int[] count = new int[distinct[j] + 1];
            for (int i = 0; i < n; i++) count[r[i] + 1]++;
            for (int b = 1; b < count.length; b++) count[b] += count[b - 1];
            for (int i = 0; i < n; i++) {
                int p = order[i];
                scratch[count[r[p]]++] = p;
            }
            int[] t = order;
            order = scratch;
            scratch = t;
        }
        return order;
    }
}
