package dev.wattiq.lab.engine;

import java.util.Arrays;

/**
 * Pruning masks (1 keeps a weight, 0 removes it), as {@code torch.nn.utils.prune} computes them.
 */
public final class Pruning {
    private Pruning() {
    }

    /**
     * {@code l1_unstructured}: removes the {@code round(amount · n)} weights of smallest absolute value (ties broken
     * by position, lowest index pruned first).
     */
    public static float[] l1Unstructured(float[] w, double amount) {
        int n = w.length;
        int prune = count(amount, n);
        float[] mask = new float[n];
        Arrays.fill(mask, 1f);
        if (prune == 0) return mask;
        long[] keyed = new long[n];
        for (int k = 0; k < n; k++) {
            // |w| as float bits orders like the value for non-negative floats; the index breaks ties.
            keyed[k] = ((long) Float.floatToIntBits(Math.abs(w[k])) << 32) | k;
        }
        Arrays.sort(keyed);
        for (int k = 0; k < prune; k++) mask[(int) keyed[k]] = 0f;
        return mask;
    }

    /**
     * {@code ln_structured(n=1, dim=0)}: removes whole output rows (neurons), the {@code round(amount · rows)} rows
     * of smallest L1 norm. {@code w} is {@code rows x cols}, row-major.
     */
    public static float[] rowsByL1(float[] w, int rows, int cols, double amount) {
        if ((long) rows * cols != w.length) throw new IllegalArgumentException("weights have " + w.length + " entries, not " + rows + "x" + cols);
        int prune = count(amount, rows);
        double[] norm = new double[rows];
        Integer[] order = new Integer[rows];
        for (int r = 0; r < rows; r++) {
            order[r] = r;
            for (int c = 0; c < cols; c++) norm[r] += Math.abs(w[r * cols + c]);
        }
        Arrays.sort(order, (a, b) -> norm[a] != norm[b] ? Double.compare(norm[a], norm[b]) : Integer.compare(a, b));
        float[] mask = new float[w.length];
        Arrays.fill(mask, 1f);
        for (int k = 0; k < prune; k++) Arrays.fill(mask, order[k] * cols, (order[k] + 1) * cols, 0f);
        return mask;
    }

    private static int count(double amount, int n) {
        if (!(amount >= 0 && amount <= 1)) throw new IllegalArgumentException("pruning amount must be in [0, 1], got " + amount);
        return (int) Math.round(amount * n);
    }
}
