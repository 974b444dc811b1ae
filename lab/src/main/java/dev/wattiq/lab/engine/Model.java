package dev.wattiq.lab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A stack of {@link Dense} layers with ReLU between them, trained with mean-squared error and plain SGD under a
 * {@link Precision} policy. {@link #linear} is the article's {@code nn.Linear(1000, 10)}; {@link #mlp} adds one
 * hidden ReLU layer. One instance per thread.
 */
public final class Model {
    private final Dense[] layers;
    private final Precision precision;
    private final LossScaler scaler;
    private float[][] outputs;
    private float[] dy;
    private float gradScale = 1f;

    private Model(Dense[] layers, Precision precision) {
        this.layers = layers;
        this.precision = precision;
        this.scaler = precision == Precision.FP16 ? LossScaler.defaults() : null;
        this.outputs = new float[layers.length][];
    }

    /** {@code nn.Linear(in, out)} initialised from {@code seed}. */
    public static Model linear(int in, int out, long seed, Precision p) {
        NormalRandom rng = new NormalRandom(seed);
        return new Model(new Dense[] {new Dense(in, out, rng)}, p);
    }

    /** {@code Linear(in, hidden) → ReLU → Linear(hidden, out)} initialised from {@code seed}. */
    public static Model mlp(int in, int hidden, int out, long seed, Precision p) {
        NormalRandom rng = new NormalRandom(seed);
        return new Model(new Dense[] {new Dense(in, hidden, rng), new Dense(hidden, out, rng)}, p);
    }

    /** A model of the given hidden width: 0 means {@link #linear}. */
    public static Model of(int in, int hidden, int out, long seed, Precision p) {
        return hidden == 0 ? linear(in, out, seed, p) : mlp(in, hidden, out, seed, p);
    }

    public List<Dense> layers() {
        return List.of(layers);
    }

    public Precision precision() {
        return precision;
    }

    public int inputs() {
        return layers[0].in;
    }

    public int outputs() {
        return layers[layers.length - 1].out;
    }

    /** The current fp16 loss scale (1 for other precisions). */
    public float lossScale() {
        return scaler == null ? 1f : scaler.scale();
    }

    /** Steps skipped because an fp16 gradient overflowed. */
    public long skippedSteps() {
        return scaler == null ? 0 : scaler.skippedSteps();
    }

    /** Predictions for {@code rows} examples; the returned buffer is reused by the next call. */
    public float[] predict(float[] x, int rows) {
        float[] a = x;
        for (int l = 0; l < layers.length; l++) {
            a = layers[l].forward(a, rows, precision);
            if (l < layers.length - 1) relu(a, rows * layers[l].out);
            outputs[l] = a;
        }
        return a;
    }

    /** Mean-squared error on {@code rows} examples (no training). */
    public double loss(float[] x, float[] t, int rows) {
        float[] yhat = predict(x, rows);
        return Mse.loss(yhat, t, rows * outputs());
    }

    /** Forward, loss and backward: fills every layer's gradients, returns the (unscaled) loss. */
    public double computeGradients(float[] x, float[] t, int rows) {
        float[] yhat = predict(x, rows);
        int n = rows * outputs();
        if (dy == null || dy.length < n) dy = new float[n];
        gradScale = lossScale();
        double loss = Mse.lossAndGradient(yhat, t, dy, n, gradScale);
        float[] d = dy;
        for (int l = layers.length - 1; l >= 0; l--) {
            d = layers[l].backward(d, rows, precision, l > 0);
            if (l > 0) reluBackward(d, outputs[l - 1], rows * layers[l - 1].out);
        }
        return loss;
    }

    /** One SGD step with the gradients held (fp16: unscaled first, skipped on overflow); true when applied. */
    public boolean applyGradients(float lr) {
        if (scaler != null) {
            boolean overflow = false;
            for (Dense d : layers) for (float[] g : d.gradients()) overflow |= !HalfFloats.allFinite(g, g.length);
            scaler.update(overflow);
            if (overflow) return false;
            float inv = 1f / gradScale;
            for (Dense d : layers) for (float[] g : d.gradients()) for (int k = 0; k < g.length; k++) g[k] *= inv;
        }
        for (Dense d : layers) {
            float[][] p = d.parameters();
            float[][] g = d.gradients();
            for (int k = 0; k < p.length; k++) Kernels.sgd(p[k], g[k], lr, 0, p[k].length);
        }
        return true;
    }

    /** {@link #computeGradients} then {@link #applyGradients}; returns the loss. */
    public double trainStep(float[] x, float[] t, int rows, float lr) {
        double loss = computeGradients(x, t, rows);
        applyGradients(lr);
        return loss;
    }

    /** Every trainable array of every layer, in a fixed order (for gradient averaging across replicas). */
    public List<float[]> parameterArrays() {
        List<float[]> out = new ArrayList<>();
        for (Dense d : layers) out.addAll(List.of(d.parameters()));
        return out;
    }

    /** Every gradient array, in the order of {@link #parameterArrays()}. */
    public List<float[]> gradientArrays() {
        List<float[]> out = new ArrayList<>();
        for (Dense d : layers) out.addAll(List.of(d.gradients()));
        return out;
    }

    static void relu(float[] a, int n) {
        for (int k = 0; k < n; k++) if (a[k] < 0f) a[k] = 0f;
    }

    static void reluBackward(float[] d, float[] activated, int n) {
        for (int k = 0; k < n; k++) if (activated[k] <= 0f) d[k] = 0f;
    }
}
