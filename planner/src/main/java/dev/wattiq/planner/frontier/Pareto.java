package dev.wattiq.planner.frontier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The exact Pareto frontier of points over k objectives, each to be minimised or maximised.
 *
 * <p>A point <em>dominates</em> another when it is at least as good on every objective and strictly better on at
 * least one. The frontier is every point no other point dominates, so identical points are all on it or all off
 * it, and a point that ties another on one objective and loses on the rest is off it. Values are compared exactly
 * (no epsilon); NaN is rejected, infinities are ordinary values.
 *
 * <p>Algorithms, after turning each column into dense ranks and sorting the points lexicographically (a radix
 * sort): one objective, the points of the best value; two, a sweep keeping the best second rank seen,
 * O(n log n); three, a sweep with a Fenwick tree of prefix minima over the second rank, O(n log n); more, a
 * sort-filter-skyline pass comparing each point with the frontier found so far, O(n·f·k) for f frontier points.
 * In lexicographic order a point's dominators all come before it, which is what makes one sweep exact. Large
 * inputs first drop the points a well-chosen pivot dominates (exact: whatever they dominate, the pivot does too).
 */
public final class Pareto {
    private static final int PARALLEL_THRESHOLD = 1 << 15;
    private static final int PIVOT_THRESHOLD = 1 << 12;

    private Pareto() {
    }

    /**
     * The frontier's point indices, ascending (input order).
     *
     * @param columns    {@code columns[j][i]}: objective j of point i; every column the same length
     * @param directions one per column
     * @throws IllegalArgumentException on no objectives, ragged columns, a missing direction or a NaN value
     */
    public static int[] indices(double[][] columns, Direction... directions) {
        return indices(columns, directions, defaultNames(columns.length));
    }

    /** As {@link #indices(double[][], Direction...)}, naming the objectives in error messages. */
    public static int[] indices(double[][] columns, Direction[] directions, String[] names) {
        boolean[] on = mask(columns, directions, names);
        int count = 0;
        for (boolean b : on) if (b) count++;
        int[] out = new int[count];
        for (int i = 0, c = 0; i < on.length; i++) if (on[i]) out[c++] = i;
        return out;
    }

    /** {@code mask[i]} is true when point i is on the frontier. */
    public static boolean[] mask(double[][] columns, Direction... directions) {
        return mask(columns, directions, defaultNames(columns.length));
    }

    /** As {@link #mask(double[][], Direction...)}, naming the objectives in error messages. */
    public static boolean[] mask(double[][] columns, Direction[] directions, String[] names) {
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(directions, "directions");
        int k = columns.length;
        if (k == 0) throw new IllegalArgumentException("a frontier needs at least one objective, e.g. energy_j:min");
        if (directions.length != k || names.length != k) {
            throw new IllegalArgumentException("got " + k + " objective columns but " + directions.length
                    + " directions and " + names.length + " names: give one of each per objective");
        }
        int n = columns[0].length;
        for (int j = 1; j < k; j++) {
            if (columns[j].length != n) {
                throw new IllegalArgumentException("objective '" + names[j] + "' has " + columns[j].length
                        + " values but '" + names[0] + "' has " + n + ": give every point every objective");
            }
        }
        for (int j = 0; j < k; j++) {
            Objects.requireNonNull(directions[j], "direction");
            double[] c = columns[j];
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(c[i])) {
                    throw new IllegalArgumentException("objective '" + names[j] + "' is not a number at point " + i
                            + " (0-based): give every point a value for it, or leave that objective out");
                }
            }
        }
        if (n < PIVOT_THRESHOLD) return exactMask(columns, directions, names);
        int[] kept = PivotFilter.survivors(columns, directions);
        if (kept.length > n / 2) return exactMask(columns, directions, names);
        double[][] sub = new double[k][kept.length];
        for (int j = 0; j < k; j++) for (int t = 0; t < kept.length; t++) sub[j][t] = columns[j][kept[t]];
        boolean[] subOn = exactMask(sub, directions, names);
        boolean[] on = new boolean[n];
        for (int t = 0; t < kept.length; t++) on[kept[t]] = subOn[t];
        return on;
    }

    /** The frontier without the pivot pre-filter (validated, NaN-free input). */
    static boolean[] exactMask(double[][] columns, Direction[] directions, String[] names) {
        int k = columns.length;
        int n = columns[0].length;
        boolean[] on = new boolean[n];
        if (n == 0) return on;
        int[][] ranks = new int[k][n];
        int[] distinct = new int[k];
        int[] order = new int[n];
        // Rank the columns in parallel when it pays; the last column's sorted order seeds the lexicographic sort.
        IntStream cols = IntStream.range(0, k);
        (n >= PARALLEL_THRESHOLD ? cols.parallel() : cols).forEach(j -> distinct[j] = Ranks.dense(columns[j],
                directions[j], ranks[j], j == k - 1 ? order : new int[n]));
        if (k == 1) {
            for (int i = 0; i < n; i++) on[i] = ranks[0][i] == 0;
            return on;
        }
        for (int j = k - 2; j >= 0; j--) Ranks.stableSortByRank(order, ranks[j], distinct[j]);
        switch (k) {
            case 2 -> sweep2(ranks, order, on);
            case 3 -> sweep3(ranks, distinct[1], order, on);
            default -> skyline(ranks, order, on);
        }
        return on;
    }

    /** The frontier of {@code items} over {@code objectives}, in input order. */
    public static <T> List<T> of(List<T> items, List<Objective<T>> objectives) {
        int[] idx = indices(items, objectives);
        List<T> out = new ArrayList<>(idx.length);
        for (int i : idx) out.add(items.get(i));
        return out;
    }

    /** The indices of the frontier of {@code items} over {@code objectives}, ascending. */
    public static <T> int[] indices(List<T> items, List<Objective<T>> objectives) {
        int k = objectives.size();
        double[][] columns = new double[k][items.size()];
        Direction[] dirs = new Direction[k];
        String[] names = new String[k];
        for (int j = 0; j < k; j++) {
            Objective<T> o = objectives.get(j);
            dirs[j] = o.direction();
            names[j] = o.name();
            for (int i = 0; i < items.size(); i++) columns[j][i] = o.value().applyAsDouble(items.get(i));
        }
        return indices(columns, dirs, names);
    }

    /** True when point {@code a} dominates point {@code b} (rows of objective values, same directions). */
    public static boolean dominates(double[] a, double[] b, Direction... directions) {
        boolean strictly = false;
        for (int j = 0; j < directions.length; j++) {
            double x = directions[j] == Direction.MAX ? -a[j] : a[j];
            double y = directions[j] == Direction.MAX ? -b[j] : b[j];
            if (x > y) return false;
            if (x < y) strictly = true;
        }
        return strictly;
    }

    private static boolean sameRanks(int[][] ranks, int p, int q) {
        for (int[] r : ranks) if (r[p] != r[q]) return false;
        return true;
    }

    /** Two objectives: a point is dominated iff an earlier distinct point has a second rank no worse. */
    private static void sweep2(int[][] ranks, int[] order, boolean[] on) {
        int[] y = ranks[1];
        int bestY = Integer.MAX_VALUE;
        int n = order.length;
        for (int s = 0; s < n; ) {
            int e = groupEnd(ranks, order, s);
            int p = order[s];
            boolean keep = y[p] < bestY;
            for (int t = s; t < e; t++) on[order[t]] = keep;
            if (keep) bestY = y[p];
            s = e;
        }
    }

    /** Three objectives: prefix minima of the third rank over the second, in a Fenwick tree. */
    private static void sweep3(int[][] ranks, int distinctY, int[] order, boolean[] on) {
        int[] y = ranks[1];
        int[] z = ranks[2];
        int[] tree = new int[distinctY + 1];
        Arrays.fill(tree, Integer.MAX_VALUE);
        int n = order.length;
        for (int s = 0; s < n; ) {
            int e = groupEnd(ranks, order, s);
            int p = order[s];
            int min = Integer.MAX_VALUE;
            for (int i = y[p] + 1; i > 0; i -= i & -i) min = Math.min(min, tree[i]);
            boolean keep = min > z[p];
            for (int t = s; t < e; t++) on[order[t]] = keep;
            if (keep) {
                for (int i = y[p] + 1; i <= distinctY; i += i & -i) if (z[p] < tree[i]) tree[i] = z[p];
            }
            s = e;
        }
    }

    /** Any k: compare each point with the frontier found so far (coordinates 1..k-1; coordinate 0 is sorted). */
    private static void skyline(int[][] ranks, int[] order, boolean[] on) {
        int k = ranks.length;
        int w = k - 1;
        int[] front = new int[w * 64];
        int size = 0;
        int[] row = new int[w];
        int n = order.length;
        for (int s = 0; s < n; ) {
            int e = groupEnd(ranks, order, s);
            int p = order[s];
            for (int j = 0; j < w; j++) row[j] = ranks[j + 1][p];
            boolean keep = true;
            for (int f = 0, base = 0; f < size; f++, base += w) {
                int j = 0;
                while (j < w && front[base + j] <= row[j]) j++;
                if (j == w) {
                    keep = false;
                    break;
                }
            }
            for (int t = s; t < e; t++) on[order[t]] = keep;
            if (keep) {
                if ((size + 1) * w > front.length) front = Arrays.copyOf(front, front.length * 2);
                System.arraycopy(row, 0, front, size * w, w);
                size++;
            }
            s = e;
        }
    }

    /** The end (exclusive) of the run of identical points starting at {@code s} in {@code order}. */
    private static int groupEnd(int[][] ranks, int[] order, int s) {
        int e = s + 1;
        while (e < order.length && sameRanks(ranks, order[s], order[e])) e++;
        return e;
    }

    private static String[] defaultNames(int k) {
        String[] names = new String[k];
        for (int j = 0; j < k; j++) names[j] = "objective " + j;
        return names;
    }
}
