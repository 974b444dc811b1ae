package dev.wattiq.lab.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Kernels that visit only the kept weights of a pruned linear layer, stored row by row (compressed sparse rows:
 * {@code rowStart[o]..rowStart[o+1]} index {@code col} and {@code val}). They work on activations transposed to
 * feature-major order with the batch padded to a whole number of vectors ({@code xt[i*bp + b]}), so each kept
 * weight costs one vector multiply-add per {@link Kernels#L} examples: work falls in proportion to the weights
 * removed, at the price of two transposes per layer and step (which is why sparsity must be high to pay).
 */
public final class SparseKernels {
    private static final int L = Kernels.L;

    private SparseKernels() {
    }

    /** The batch padded up to a whole number of vectors. */
    public static int padded(int rows) {
        return (rows + L - 1) / L * L;
    }

    /** {@code t[i*bp + b] = a[b*cols + i]}, zeroing the padding. */
    public static void transpose(float[] a, int rows, int cols, float[] t, int bp) {
        for (int i = 0; i < cols; i++) {
            int ti = i * bp;
            for (int b = 0; b < rows; b++) t[ti + b] = a[b * cols + i];
            for (int b = rows; b < bp; b++) t[ti + b] = 0f;
        }
    }

    /** {@code a[b*cols + i] = t[i*bp + b]}. */
    public static void untranspose(float[] t, int bp, float[] a, int rows, int cols) {
        for (int b = 0; b < rows; b++) {
            int ab = b * cols;
            for (int i = 0; i < cols; i++) a[ab + i] = t[i * bp + b];
        }
    }

    /** {@code yt[o,:] = bias[o] + Σ_k val[k] · xt[col[k],:]} over the kept weights of each output row. */
    public static void forward(int[] rowStart, int[] col, float[] val, float[] bias, float[] xt, float[] yt, int out, int bp) {
        for (int o = 0; o < out; o++) {
            int yo = o * bp;
            FloatVector bv = FloatVector.broadcast(Kernels.S, bias[o]);
            for (int b = 0; b < bp; b += L) bv.intoArray(yt, yo + b);
            int k = rowStart[o], end = rowStart[o + 1];
            for (; k + 1 < end; k += 2) { // two weights per pass: one load and store of y per two FMAs
                FloatVector v0 = FloatVector.broadcast(Kernels.S, val[k]);
                FloatVector v1 = FloatVector.broadcast(Kernels.S, val[k + 1]);
                int x0 = col[k] * bp, x1 = col[k + 1] * bp;
                for (int b = 0; b < bp; b += L) {
                    FloatVector acc = FloatVector.fromArray(Kernels.S, yt, yo + b);
                    acc = FloatVector.fromArray(Kernels.S, xt, x0 + b).fma(v0, acc);
                    acc = FloatVector.fromArray(Kernels.S, xt, x1 + b).fma(v1, acc);
                    acc.intoArray(yt, yo + b);
                }
            }
            for (; k < end; k++) {
                FloatVector v0 = FloatVector.broadcast(Kernels.S, val[k]);
                int x0 = col[k] * bp;
                for (int b = 0; b < bp; b += L) {
                    FloatVector.fromArray(Kernels.S, xt, x0 + b).fma(v0, FloatVector.fromArray(Kernels.S, yt, yo + b))
                            .intoArray(yt, yo + b);
                }
            }
        }
    }

    /** {@code gval[k] = dyt[o,:] · xt[col[k],:]}, {@code gb[o] = Σ_b dyt[o,b]} (padding of dyt must be zero). */
    public static void weightGrad(int[] rowStart, int[] col, float[] dyt, float[] xt, float[] gval, float[] gb, int out, int bp) {
        for (int o = 0; o < out; o++) {
            int d = o * bp;
            FloatVector s = FloatVector.zero(Kernels.S);
            for (int b = 0; b < bp; b += L) s = s.add(FloatVector.fromArray(Kernels.S, dyt, d + b));
            gb[o] = s.reduceLanes(VectorOperators.ADD);
            for (int k = rowStart[o]; k < rowStart[o + 1]; k++) {
                int x0 = col[k] * bp;
                FloatVector acc = FloatVector.zero(Kernels.S);
                for (int b = 0; b < bp; b += L) {
                    acc = FloatVector.fromArray(Kernels.S, xt, x0 + b).fma(FloatVector.fromArray(Kernels.S, dyt, d + b), acc);
                }
                gval[k] = acc.reduceLanes(VectorOperators.ADD);
            }
        }
    }

    /** {@code dxt[col[k],:] += val[k] · dyt[o,:]} after zeroing {@code dxt}: the input gradient. */
    public static void inputGrad(int[] rowStart, int[] col, float[] val, float[] dyt, float[] dxt, int in, int out, int bp) {
        java.util.Arrays.fill(dxt, 0, in * bp, 0f);
        for (int o = 0; o < out; o++) {
            int d = o * bp;
            for (int k = rowStart[o]; k < rowStart[o + 1]; k++) {
                FloatVector v = FloatVector.broadcast(Kernels.S, val[k]);
                int x0 = col[k] * bp;
                for (int b = 0; b < bp; b += L) {
                    FloatVector.fromArray(Kernels.S, dyt, d + b).fma(v, FloatVector.fromArray(Kernels.S, dxt, x0 + b))
                            .intoArray(dxt, x0 + b);
                }
            }
        }
    }
}
