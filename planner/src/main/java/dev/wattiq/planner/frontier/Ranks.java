package dev.wattiq.planner.frontier;

/**
 * Dense ranks of objective columns and the lexicographic order of points by them. Ranks keep order and equality
 * exactly ({@code a < b} iff {@code rank(a) < rank(b)}), so the frontier algorithms work on small ints instead of
 * doubles, and ties need no epsilon. Both sorts are LSD radix sorts (16-bit digits, a pass skipped when every key
 * shares its digit): linear in n, and cache-friendly where a comparison sort plus binary search is not.
 */
final class Ranks {
    private static final int BITS = 16;
    private static final int BUCKETS = 1 << BITS;

    private Ranks() {
    }

    /**
     * Dense ranks (0 = best) of one column: for {@link Direction#MIN} the smallest value gets 0, for
     * {@link Direction#MAX} the largest. {@code -0.0} and {@code 0.0} are the same value.
     *
     * @param ranksOut receives the ranks, one per value
     * @param orderOut receives the indices sorted by rank (stable)
     * @return the number of distinct values
     */
    static int dense(double[] values, Direction direction, int[] ranksOut, int[] orderOut) {
        int n = values.length;
        long[] keys = new long[n];
        boolean max = direction == Direction.MAX;
        for (int i = 0; i < n; i++) {
            double v = values[i]; // never NaN: Pareto checked
            long bits = Double.doubleToRawLongBits((max ? -v : v) + 0.0); // + 0.0 turns -0.0 into 0.0
            keys[i] = bits ^ ((bits >> 63) | Long.MIN_VALUE); // unsigned order == numeric order
        }
        for (int i = 0; i < n; i++) orderOut[i] = i;
        sortByLongKey(keys, orderOut);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && keys[i] != keys[i - 1]) distinct++;
            ranksOut[orderOut[i]] = distinct;
        }
        return n == 0 ? 0 : distinct + 1;
    }

    /** Sorts {@code keys} (unsigned) and permutes {@code payload} alongside, stable. */
    private static void sortByLongKey(long[] keys, int[] payload) {
        int n = keys.length;
        long[] k2 = new long[n];
        int[] p2 = new int[n];
        long[] ka = keys;
        int[] pa = payload;
        int[] count = new int[BUCKETS + 1];
        for (int shift = 0; shift < 64; shift += BITS) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) count[(int) ((ka[i] >>> shift) & (BUCKETS - 1)) + 1]++;
            if (skippable(count, n)) continue;
            for (int b = 1; b <= BUCKETS; b++) count[b] += count[b - 1];
            for (int i = 0; i < n; i++) {
                int d = (int) ((ka[i] >>> shift) & (BUCKETS - 1));
                int at = count[d]++;
                k2[at] = ka[i];
                p2[at] = pa[i];
            }
            long[] tk = ka;
            ka = k2;
            k2 = tk;
            int[] tp = pa;
            pa = p2;
            p2 = tp;
        }
        if (ka != keys) {
            System.arraycopy(ka, 0, keys, 0, n);
            System.arraycopy(pa, 0, payload, 0, n);
        }
    }

    private static boolean skippable(int[] count, int n) {
        for (int b = 1; b <= BUCKETS; b++) {
            if (count[b] == n) return true;
            if (count[b] != 0) return false;
        }
        return false;
    }

    /**
     * Stable-sorts {@code order} by {@code rank} (ints in [0, distinct)), so that sorting by the last objective
     * first and the first objective last yields lexicographic order.
     */
    static void stableSortByRank(int[] order, int[] rank, int distinct) {
        int n = order.length;
        int[] scratch = new int[n];
        int[] a = order;
        int[] count = new int[BUCKETS + 1];
        for (int shift = 0; shift < 32 && (distinct - 1) >>> shift != 0; shift += BITS) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) count[((rank[a[i]] >>> shift) & (BUCKETS - 1)) + 1]++;
            for (int b = 1; b <= BUCKETS; b++) count[b] += count[b - 1];
            for (int i = 0; i < n; i++) {
                int p = a[i];
                scratch[count[(rank[p] >>> shift) & (BUCKETS - 1)]++] = p;
            }
            int[] t = a;
            a = scratch;
            scratch = t;
        }
        if (a != order) System.arraycopy(a, 0, order, 0, n);
    }
}
