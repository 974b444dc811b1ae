package dev.wattiq.lab.engine;

/**
 * The straightforward float32 reference: triple loops, no blocking, no vectors. Trains {@code Linear(in, out)}
 * (optionally {@code → ReLU → Linear}) with MSE and SGD exactly as the definitions say.
 */
final class ScalarReference {
    final float[][] w;
    final float[][] b;
    final int[] dims;

    ScalarReference(Model m) {
        int n = m.layers().size();
        w = new float[n][];
        b = new float[n][];
        dims = new int[n + 1];
        for (int l = 0; l < n; l++) {
            Dense d = m.layers().get(l);
            w[l] = d.weights().clone();
            b[l] = d.bias().clone();
            dims[l] = d.in();
            dims[l + 1] = d.out();
        }
    }

    double step(float[] x, float[] t, int rows, float lr) {
        int n = w.length;
        float[][] act = new float[n + 1][];
        act[0] = x;
        for (int l = 0; l < n; l++) {
            int in = dims[l], out = dims[l + 1];
            float[] y = new float[rows * out];
            for (int r = 0; r < rows; r++) {
                for (int o = 0; o < out; o++) {
                    float s = 0;
                    for (int i = 0; i < in; i++) s += act[l][r * in + i] * w[l][o * in + i];
                    y[r * out + o] = s + b[l][o];
                    if (l < n - 1 && y[r * out + o] < 0) y[r * out + o] = 0;
                }
            }
            act[l + 1] = y;
        }
        int outN = rows * dims[n];
        double loss = 0;
        float[] d = new float[outN];
        for (int k = 0; k < outN; k++) {
            float e = act[n][k] - t[k];
            loss += (double) e * e;
            d[k] = 2f * e / outN;
        }
        for (int l = n - 1; l >= 0; l--) {
            int in = dims[l], out = dims[l + 1];
            float[] dx = new float[rows * in];
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < in; i++) {
                    float s = 0;
                    for (int o = 0; o < out; o++) s += d[r * out + o] * w[l][o * in + i];
                    dx[r * in + i] = l > 0 && act[l][r * in + i] <= 0 ? 0 : s;
                }
            }
            for (int o = 0; o < out; o++) {
                float gb = 0;
                for (int r = 0; r < rows; r++) gb += d[r * out + o];
                for (int i = 0; i < in; i++) {
                    float g = 0;
                    for (int r = 0; r < rows; r++) g += d[r * out + o] * act[l][r * in + i];
                    w[l][o * in + i] -= lr * g;
                }
                b[l][o] -= lr * gb;
            }
            d = dx;
        }
        return loss / outN;
    }
}
