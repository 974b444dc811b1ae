package dev.wattiq.lab.experiments;

import dev.wattiq.lab.engine.Kernels;
import dev.wattiq.lab.engine.NormalRandom;

/**
 * A learnable version of the article's task: inputs {@code x ~ N(0, I)}, targets {@code t = W*·x + b* + ε} from a
 * fixed hidden linear map ({@code W*} entries ~ N(0, 1/width), so each target has unit signal variance) plus noise
 * {@code ε ~ N(0, σ²)}. The best possible test MSE is σ² (the noise floor). Row {@code r} of step {@code s} is
 * drawn from its own stream, so a batch is the same whichever worker draws which rows. The held-out test set
 * uses step -1.
 */
public final class TeacherTask {
    /** Noise standard deviation: the noise floor of the test MSE is its square. */
    public static final float NOISE_STD = 0.1f;
    private static final int TEST_ROWS = 2000;

    private final int width;
    private final int outputs;
    private final long seed;
    private final float[] teacher;
    private final float[] teacherBias;
    private final float[] testX;
    private final float[] testT;

    public TeacherTask(int width, int outputs, long seed) {
        this.width = width;
        this.outputs = outputs;
        this.seed = seed;
        NormalRandom r = new NormalRandom(seed ^ 0x7EAC4E5L);
        teacher = new float[width * outputs];
        r.fill(teacher, 0, teacher.length, 0f, (float) (1.0 / Math.sqrt(width)));
        teacherBias = new float[outputs];
        r.fill(teacherBias, 0, outputs, 0f, 0.1f);
        testX = new float[TEST_ROWS * width];
        testT = new float[TEST_ROWS * outputs];
        fill(-1, 0, TEST_ROWS, testX, testT);
    }

    public int width() {
        return width;
    }

    public int outputs() {
        return outputs;
    }

    /** Fills rows {@code [first, first+rows)} of step {@code step} into {@code x} and {@code t}. */
    public void fill(int step, int first, int rows, float[] x, float[] t) {
        float[] noise = new float[rows * outputs];
        for (int r = 0; r < rows; r++) {
            NormalRandom g = new NormalRandom(seed * 0x9E3779B97F4A7C15L + ((long) step << 24) + first + r);
            g.fill(x, r * width, width, 0f, 1f);
            g.fill(noise, r * outputs, outputs, 0f, NOISE_STD);
        }
        Kernels.forward(x, teacher, teacherBias, t, rows, width, outputs);
        for (int k = 0; k < rows * outputs; k++) t[k] += noise[k];
    }

    /** Test MSE, R² and the distance to the noise floor of a trained model's predictions. */
    public Quality evaluate(dev.wattiq.lab.engine.Model m) {
        double mse = 0;
        double sq = 0;
        double[] mean = new double[outputs];
        int chunk = 250;
        for (int first = 0; first < TEST_ROWS; first += chunk) {
            float[] x = java.util.Arrays.copyOfRange(testX, first * width, (first + chunk) * width);
            float[] y = m.predict(x, chunk);
            for (int k = 0; k < chunk * outputs; k++) {
                double e = y[k] - testT[first * outputs + k];
                mse += e * e;
                sq += e * e * e * e;
            }
        }
        double n = (double) TEST_ROWS * outputs;
        mse /= n;
        double mseStdError = Math.sqrt(Math.max(0, sq / n - mse * mse) / n);
        for (int k = 0; k < testT.length; k++) mean[k % outputs] += testT[k];
        double var = 0;
        for (int k = 0; k < testT.length; k++) {
            double d = testT[k] - mean[k % outputs] / TEST_ROWS;
            var += d * d;
        }
        var /= testT.length;
        double floor = (double) NOISE_STD * NOISE_STD;
        return new Quality(mse, 1 - mse / var, floor, mse - floor, mseStdError / var);
    }

    /**
     * @param testMse        mean-squared error on the held-out set
     * @param r2             coefficient of determination on the held-out set (1 is perfect)
     * @param noiseFloorMse  the best achievable test MSE (σ²)
     * @param gapToFloor     test MSE minus the floor
     * @param r2StdError     standard error of {@code r2} from the finite test set (the spread of the squared errors
     *                       over its {@code 2000 × outputs} values): quality differences below about twice this are
     *                       not resolved
     */
    public record Quality(double testMse, double r2, double noiseFloorMse, double gapToFloor, double r2StdError) {
    }
}
