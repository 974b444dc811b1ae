package dev.wattiq.lab.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The dense matrix kernels of a linear layer, on the Vector API, register-blocked so that each loaded vector
 * feeds several fused multiply-adds. Row-major throughout: {@code x[b*in + i]}, {@code w[o*in + i]} (the layout of
 * PyTorch's {@code Linear.weight}), {@code y[b*out + o]}. Every kernel accumulates in float32.
 */
public final class Kernels {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();

    private Kernels() {
    }

    /** {@code y = x · wᵀ + bias}: forward of a linear layer for {@code rows} examples. */
    public static void forward(float[] x, float[] w, float[] bias, float[] y, int rows, int in, int out) {
        int b = 0;
        for (; b + 1 < rows; b += 2) {
            int o = 0;
            for (; o + 3 < out; o += 4) forward2x4(x, w, bias, y, b, o, in, out);
            for (; o < out; o++) {
                y[b * out + o] = dot(x, b * in, w, o * in, in) + bias[o];
                y[(b + 1) * out + o] = dot(x, (b + 1) * in, w, o * in, in) + bias[o];
            }
        }
        for (; b < rows; b++) {
            for (int o = 0; o < out; o++) y[b * out + o] = dot(x, b * in, w, o * in, in) + bias[o];
        }
    }

    private static void forward2x4(float[] x, float[] w, float[] bias, float[] y, int b, int o, int in, int out) {
        int x0 = b * in, x1 = x0 + in;
        int w0 = o * in, w1 = w0 + in, w2 = w1 + in, w3 = w2 + in;
        FloatVector a00 = FloatVector.zero(S), a01 = a00, a02 = a00, a03 = a00;
        FloatVector a10 = a00, a11 = a00, a12 = a00, a13 = a00;
        int i = 0;
        int bound = S.loopBound(in);
        for (; i < bound; i += L) {
            FloatVector xa = FloatVector.fromArray(S, x, x0 + i);
            FloatVector xb = FloatVector.fromArray(S, x, x1 + i);
            FloatVector v = FloatVector.fromArray(S, w, w0 + i);
            a00 = xa.fma(v, a00);
            a10 = xb.fma(v, a10);
            v = FloatVector.fromArray(S, w, w1 + i);
            a01 = xa.fma(v, a01);
            a11 = xb.fma(v, a11);
            v = FloatVector.fromArray(S, w, w2 + i);
            a02 = xa.fma(v, a02);
            a12 = xb.fma(v, a12);
            v = FloatVector.fromArray(S, w, w3 + i);
            a03 = xa.fma(v, a03);
            a13 = xb.fma(v, a13);
        }
        float s00 = a00.reduceLanes(VectorOperators.ADD), s01 = a01.reduceLanes(VectorOperators.ADD);
        float s02 = a02.reduceLanes(VectorOperators.ADD), s03 = a03.reduceLanes(VectorOperators.ADD);
        float s10 = a10.reduceLanes(VectorOperators.ADD), s11 = a11.reduceLanes(VectorOperators.ADD);
        float s12 = a12.reduceLanes(VectorOperators.ADD), s13 = a13.reduceLanes(VectorOperators.ADD);
        for (; i < in; i++) {
            float xa = x[x0 + i], xb = x[x1 + i];
            s00 += xa * w[w0 + i]; s01 += xa * w[w1 + i]; s02 += xa * w[w2 + i]; s03 += xa * w[w3 + i];
            s10 += xb * w[w0 + i]; s11 += xb * w[w1 + i]; s12 += xb * w[w2 + i]; s13 += xb * w[w3 + i];
        }
        int y0 = b * out + o, y1 = y0 + out;
        y[y0] = s00 + bias[o]; y[y0 + 1] = s01 + bias[o + 1]; y[y0 + 2] = s02 + bias[o + 2]; y[y0 + 3] = s03 + bias[o + 3];
        y[y1] = s10 + bias[o]; y[y1 + 1] = s11 + bias[o + 1]; y[y1 + 2] = s12 + bias[o + 2]; y[y1 + 3] = s13 + bias[o + 3];
    }

    /** The dot product of {@code a[ao, ao+n)} and {@code c[co, co+n)}. */
    public static float dot(float[] a, int ao, float[] c, int co, int n) {
        FloatVector acc0 = FloatVector.zero(S), acc1 = acc0;
        int i = 0;
        for (; i + 2 * L <= n; i += 2 * L) {
            acc0 = FloatVector.fromArray(S, a, ao + i).fma(FloatVector.fromArray(S, c, co + i), acc0);
            acc1 = FloatVector.fromArray(S, a, ao + i + L).fma(FloatVector.fromArray(S, c, co + i + L), acc1);
        }
        for (; i + L <= n; i += L) acc0 = FloatVector.fromArray(S, a, ao + i).fma(FloatVector.fromArray(S, c, co + i), acc0);
        float s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) s += a[ao + i] * c[co + i];
        return s;
    }

    /**
     * {@code gw = dyᵀ · x} and {@code gb = Σ_b dy}: the weight and bias gradients of a linear layer (overwritten,
     * not accumulated).
     */
    public static void weightGrad(float[] dy, float[] x, float[] gw, float[] gb, int rows, int in, int out) {
        for (int o = 0; o < out; o++) {
            float s = 0;
            for (int b = 0; b < rows; b++) s += dy[b * out + o];
            gb[o] = s;
        }
        int o = 0;
        for (; o + 3 < out; o += 4) weightGrad4(dy, x, gw, rows, in, out, o);
        for (; o < out; o++) weightGrad1(dy, x, gw, rows, in, out, o);
    }

    private static void weightGrad4(float[] dy, float[] x, float[] gw, int rows, int in, int out, int o) {
        int i = 0;
        for (; i + 2 * L <= in; i += 2 * L) {
            FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, c0 = a0, c1 = a0, c2 = a0, c3 = a0;
            for (int b = 0, xb = i, db = o; b < rows; b++, xb += in, db += out) {
                FloatVector u = FloatVector.fromArray(S, x, xb);
                FloatVector v = FloatVector.fromArray(S, x, xb + L);
                FloatVector d = FloatVector.broadcast(S, dy[db]);
                a0 = u.fma(d, a0); c0 = v.fma(d, c0);
                d = FloatVector.broadcast(S, dy[db + 1]);
                a1 = u.fma(d, a1); c1 = v.fma(d, c1);
                d = FloatVector.broadcast(S, dy[db + 2]);
                a2 = u.fma(d, a2); c2 = v.fma(d, c2);
                d = FloatVector.broadcast(S, dy[db + 3]);
                a3 = u.fma(d, a3); c3 = v.fma(d, c3);
            }
            int g = o * in + i;
            a0.intoArray(gw, g); c0.intoArray(gw, g + L);
            a1.intoArray(gw, g + in); c1.intoArray(gw, g + in + L);
            a2.intoArray(gw, g + 2 * in); c2.intoArray(gw, g + 2 * in + L);
            a3.intoArray(gw, g + 3 * in); c3.intoArray(gw, g + 3 * in + L);
        }
        for (int k = 0; k < 4; k++) weightGradTail(dy, x, gw, rows, in, out, o + k, i);
    }

    private static void weightGrad1(float[] dy, float[] x, float[] gw, int rows, int in, int out, int o) {
        int i = 0;
        for (; i + 2 * L <= in; i += 2 * L) {
            FloatVector a0 = FloatVector.zero(S), c0 = a0;
            for (int b = 0, xb = i, db = o; b < rows; b++, xb += in, db += out) {
                FloatVector d = FloatVector.broadcast(S, dy[db]);
                a0 = FloatVector.fromArray(S, x, xb).fma(d, a0);
                c0 = FloatVector.fromArray(S, x, xb + L).fma(d, c0);
            }
            a0.intoArray(gw, o * in + i);
            c0.intoArray(gw, o * in + i + L);
        }
        weightGradTail(dy, x, gw, rows, in, out, o, i);
    }

    private static void weightGradTail(float[] dy, float[] x, float[] gw, int rows, int in, int out, int o, int from) {
        for (int i = from; i < in; i++) {
            float s = 0;
            for (int b = 0; b < rows; b++) s += dy[b * out + o] * x[b * in + i];
            gw[o * in + i] = s;
        }
    }

    /** {@code dx = dy · w}: the gradient flowing to a linear layer's input (overwritten). */
    public static void inputGrad(float[] dy, float[] w, float[] dx, int rows, int in, int out) {
        for (int b = 0; b < rows; b++) {
            int i = 0;
            int db = b * out;
            for (; i + 2 * L <= in; i += 2 * L) {
                FloatVector a = FloatVector.zero(S), c = a;
                for (int o = 0, wo = i; o < out; o++, wo += in) {
                    FloatVector d = FloatVector.broadcast(S, dy[db + o]);
                    a = FloatVector.fromArray(S, w, wo).fma(d, a);
                    c = FloatVector.fromArray(S, w, wo + L).fma(d, c);
                }
                a.intoArray(dx, b * in + i);
                c.intoArray(dx, b * in + i + L);
            }
            for (; i < in; i++) {
                float s = 0;
                for (int o = 0; o < out; o++) s += dy[db + o] * w[o * in + i];
                dx[b * in + i] = s;
            }
        }
    }

    /** {@code p[off..off+n) -= lr * g[off..off+n)}: one SGD step on a slice. */
    public static void sgd(float[] p, float[] g, float lr, int off, int n) {
        FloatVector neg = FloatVector.broadcast(S, -lr);
        int i = off, end = off + n;
        for (; i + L <= end; i += L) {
            FloatVector.fromArray(S, g, i).fma(neg, FloatVector.fromArray(S, p, i)).intoArray(p, i);
        }
        for (; i < end; i++) p[i] = Math.fma(-lr, g[i], p[i]);
    }
}
