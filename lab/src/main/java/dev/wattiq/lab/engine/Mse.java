package dev.wattiq.lab.engine;

/** Mean-squared error over all {@code n} outputs (PyTorch's {@code MSELoss()} with {@code reduction='mean'}). */
public final class Mse {
    private Mse() {
    }

    /** {@code Σ (y - t)² / n}, summed in double. */
    public static double loss(float[] y, float[] t, int n) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            double e = y[k] - t[k];
            s += e * e;
        }
        return s / n;
    }

    /** The loss, and {@code dy = scale · 2 (y - t) / n} (the gradient of {@code scale · loss}). */
    public static double lossAndGradient(float[] y, float[] t, float[] dy, int n, float scale) {
        double s = 0;
        float c = 2f * scale / n;
        for (int k = 0; k < n; k++) {
            float e = y[k] - t[k];
            s += (double) e * e;
            dy[k] = c * e;
        }
        return s / n;
    }
}
