package dev.wattiq.lab.engine;

/**
 * A linear layer {@code y = x·wᵀ + b} with its gradients, an optional pruning mask and an optional sparse
 * execution path. Weights are float32 masters in PyTorch's layout ({@code w[o*in + i]}); the precision policy
 * rounds copies of them, never the masters. Buffers grow to the largest batch seen and are reused.
 */
public final class Dense {
    final int in;
    final int out;
    final float[] w;
    final float[] b;
    final float[] gw;
    final float[] gb;
    private float[] mask;
    private boolean sparse;
    private int[] rowStart;
    private int[] col;
    private float[] val;
    private float[] gval;
    // work buffers
    private float[] x;
    private float[] xr;
    private float[] wr;
    private float[] y;
    private float[] dx;
    private float[] dyr;
    private float[] xt;
    private float[] yt;
    private float[] dyt;
    private float[] dxt;

    /** A layer initialised as PyTorch's {@code nn.Linear}: weights and bias uniform in ±1/√in. */
    public Dense(int in, int out, NormalRandom rng) {
        if (in <= 0 || out <= 0) throw new IllegalArgumentException("a layer needs in > 0 and out > 0, got " + in + "x" + out);
        this.in = in;
        this.out = out;
        w = new float[in * out];
        b = new float[out];
        gw = new float[in * out];
        gb = new float[out];
        float bound = (float) (1.0 / Math.sqrt(in));
        for (int k = 0; k < w.length; k++) w[k] = (float) ((2 * rng.nextOpenUniform() - 1) * bound);
        for (int k = 0; k < out; k++) b[k] = (float) ((2 * rng.nextOpenUniform() - 1) * bound);
    }

    public int in() {
        return in;
    }

    public int out() {
        return out;
    }

    /** The float32 master weights, {@code out x in}, row-major (live: changes as training runs). */
    public float[] weights() {
        syncFromSparse();
        return w;
    }

    public float[] bias() {
        return b;
    }

    /** The gradient arrays in the order {@link #parameters()} lists the parameters. */
    public float[][] gradients() {
        return sparse ? new float[][] {gval, gb} : new float[][] {gw, gb};
    }

    /** The trainable arrays: the kept weights (dense or compressed) and the bias. */
    public float[][] parameters() {
        return sparse ? new float[][] {val, b} : new float[][] {w, b};
    }

    /** Holds weights where {@code mask == 0} at zero from now on (the mask is copied; 1 keeps, 0 prunes). */
    public void setMask(float[] m) {
        if (m.length != w.length) throw new IllegalArgumentException("mask has " + m.length + " entries, the layer " + w.length);
        syncFromSparse();
        mask = m.clone();
        for (int k = 0; k < w.length; k++) w[k] *= mask[k];
        if (sparse) buildSparse();
    }

    /** The fraction of weights pruned (0 without a mask). */
    public double sparsity() {
        if (mask == null) return 0;
        int zero = 0;
        for (float v : mask) if (v == 0f) zero++;
        return zero / (double) mask.length;
    }

    /** Switches to kernels that visit only kept weights (float32 only). */
    public void setSparseExecution(boolean on) {
        syncFromSparse();
        sparse = on;
        if (on) buildSparse();
    }

    private void buildSparse() {
        int nnz = 0;
        for (int k = 0; k < w.length; k++) if (mask == null || mask[k] != 0f) nnz++;
        rowStart = new int[out + 1];
        col = new int[nnz];
        val = new float[nnz];
        gval = new float[nnz];
        int p = 0;
        for (int o = 0; o < out; o++) {
            rowStart[o] = p;
            for (int i = 0; i < in; i++) {
                int k = o * in + i;
                if (mask == null || mask[k] != 0f) {
                    col[p] = i;
                    val[p++] = w[k];
                }
            }
        }
        rowStart[out] = p;
    }

    private void syncFromSparse() {
        if (!sparse) return;
        for (int o = 0; o < out; o++) {
            for (int k = rowStart[o]; k < rowStart[o + 1]; k++) w[o * in + col[k]] = val[k];
        }
    }

    private static float[] grow(float[] a, int n) {
        return a != null && a.length >= n ? a : new float[n];
    }

    /** Forward for {@code rows} examples; returns this layer's output buffer ({@code rows x out}). */
    float[] forward(float[] input, int rows, Precision p) {
        y = grow(y, rows * out);
        if (sparse) {
            if (p != Precision.FP32) throw new IllegalArgumentException("sparse execution supports fp32 only, not " + p.label());
            int bp = SparseKernels.padded(rows);
            xt = grow(xt, in * bp);
            yt = grow(yt, out * bp);
            SparseKernels.transpose(input, rows, in, xt, bp);
            SparseKernels.forward(rowStart, col, val, b, xt, yt, out, bp);
            SparseKernels.untranspose(yt, bp, y, rows, out);
            return y;
        }
        float[] xs = input;
        float[] ws = w;
        if (p != Precision.FP32) {
            xr = grow(xr, rows * in);
            System.arraycopy(input, 0, xr, 0, rows * in);
            p.round(xr, rows * in);
            wr = grow(wr, w.length);
            System.arraycopy(w, 0, wr, 0, w.length);
            p.round(wr, w.length);
            xs = xr;
            ws = wr;
        }
        x = xs;
        Kernels.forward(xs, ws, b, y, rows, in, out);
        p.round(y, rows * out);
        return y;
    }

    /** Backward from {@code dy}; fills the gradients and returns the input gradient, or null if not needed. */
    float[] backward(float[] dy, int rows, Precision p, boolean needInputGrad) {
        if (sparse) {
            int bp = SparseKernels.padded(rows);
            dyt = grow(dyt, out * bp);
            SparseKernels.transpose(dy, rows, out, dyt, bp);
            SparseKernels.weightGrad(rowStart, col, dyt, xt, gval, gb, out, bp);
            if (!needInputGrad) return null;
            dxt = grow(dxt, in * bp);
            dx = grow(dx, rows * in);
            SparseKernels.inputGrad(rowStart, col, val, dyt, dxt, in, out, bp);
            SparseKernels.untranspose(dxt, bp, dx, rows, in);
            return dx;
        }
        float[] d = dy;
        if (p != Precision.FP32) {
            dyr = grow(dyr, rows * out);
            System.arraycopy(dy, 0, dyr, 0, rows * out);
            p.round(dyr, rows * out);
            d = dyr;
        }
        Kernels.weightGrad(d, x, gw, gb, rows, in, out);
        p.round(gw, gw.length);
        p.round(gb, gb.length);
        if (mask != null) for (int k = 0; k < gw.length; k++) gw[k] *= mask[k];
        if (!needInputGrad) return null;
        dx = grow(dx, rows * in);
        Kernels.inputGrad(d, p == Precision.FP32 ? w : wr, dx, rows, in, out);
        p.round(dx, rows * in);
        return dx;
    }
}
