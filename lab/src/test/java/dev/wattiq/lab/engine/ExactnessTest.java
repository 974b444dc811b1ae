package dev.wattiq.lab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The Vector-API engine in float32 matches the scalar reference to about 1e-6, relative to the weights' size. */
class ExactnessTest {
    static double relativeError(float[] a, float[] ref) {
        double diff = 0, norm = 0;
        for (int k = 0; k < ref.length; k++) {
            diff = Math.max(diff, Math.abs(a[k] - ref[k]));
            norm = Math.max(norm, Math.abs(ref[k]));
        }
        return diff / norm;
    }

    @ParameterizedTest(name = "in={0} hidden={1} out={2} batch={3}")
    @CsvSource({"1000, 0, 10, 100", "37, 0, 5, 7", "64, 24, 3, 9", "1000, 32, 10, 16", "17, 9, 1, 1"})
    void engineMatchesScalarReference(int in, int hidden, int out, int batch) {
        Model m = Model.of(in, hidden, out, 3, Precision.FP32);
        ScalarReference ref = new ScalarReference(m);
        NormalRandom rng = new NormalRandom(11);
        float[] x = new float[batch * in];
        float[] t = new float[batch * out];
        for (int s = 0; s < 20; s++) {
            rng.fill(x);
            rng.fill(t);
            double got = m.trainStep(x, t, batch, 0.01f);
            double want = ref.step(x, t, batch, 0.01f);
            // A loss is a sum of squared differences y - t, so rounding in y is amplified where y is close to t:
            // the losses agree to 1e-5, the weights (the float32 results proper) to 1e-6.
            assertThat(Math.abs(got - want) / want).as("loss at step %d", s).isLessThan(1e-5);
        }
        for (int l = 0; l < m.layers().size(); l++) {
            assertThat(relativeError(m.layers().get(l).weights(), ref.w[l])).as("weights of layer %d", l).isLessThan(1e-6);
            assertThat(relativeError(m.layers().get(l).bias(), ref.b[l])).as("bias of layer %d", l).isLessThan(1e-6);
        }
    }

    @ParameterizedTest(name = "sparsity {0}, hidden {1}")
    @CsvSource({"0.5, 0", "0.9, 0", "0.0, 0", "0.7, 12"})
    void sparseExecutionMatchesMaskedDense(double sparsity, int hidden) {
        Model dense = Model.of(50, hidden, 6, 5, Precision.FP32);
        Model sparse = Model.of(50, hidden, 6, 5, Precision.FP32);
        for (int l = 0; l < dense.layers().size(); l++) {
            float[] mask = Pruning.l1Unstructured(dense.layers().get(l).weights(), sparsity);
            dense.layers().get(l).setMask(mask);
            sparse.layers().get(l).setMask(mask);
            sparse.layers().get(l).setSparseExecution(true);
        }
        NormalRandom rng = new NormalRandom(2);
        float[] x = new float[13 * 50];
        float[] t = new float[13 * 6];
        for (int s = 0; s < 15; s++) {
            rng.fill(x);
            rng.fill(t);
            double a = dense.trainStep(x, t, 13, 0.05f);
            double b = sparse.trainStep(x, t, 13, 0.05f);
            assertThat(Math.abs(a - b) / a).isLessThan(1e-6);
        }
        for (int l = 0; l < dense.layers().size(); l++) {
            float[] wd = dense.layers().get(l).weights();
            float[] ws = sparse.layers().get(l).weights();
            assertThat(relativeError(ws, wd)).isLessThan(1e-6);
            int zeros = 0;
            for (float v : ws) if (v == 0f) zeros++;
            assertThat(zeros).as("pruned weights stay zero").isGreaterThanOrEqualTo((int) Math.round(sparsity * ws.length));
        }
    }

    @Test
    void dataParallelEqualsOneWorker() {
        int batch = 12, in = 40, out = 4, steps = 10;
        DataParallel.ShardSource data = (step, worker, first, rows, x, t) -> {
            for (int r = 0; r < rows; r++) {
                NormalRandom g = new NormalRandom(1000L * step + first + r);
                g.fill(x, r * in, in, 0f, 1f);
                g.fill(t, r * out, out, 0f, 1f);
            }
        };
        List<Model> one = new ArrayList<>();
        List<Model> three = new ArrayList<>();
        DataParallel.Result r1 = DataParallel.train(k -> Model.linear(in, out, 9, Precision.FP32), 1, steps, batch, 0.05f, data, one);
        DataParallel.Result r3 = DataParallel.train(k -> Model.linear(in, out, 9, Precision.FP32), 3, steps, batch, 0.05f, data, three);
        for (int s = 0; s < steps; s++) assertThat(Math.abs(r1.losses()[s] - r3.losses()[s]) / r1.losses()[s]).isLessThan(1e-6);
        for (Model m : three) {
            assertThat(relativeError(m.layers().get(0).weights(), one.get(0).layers().get(0).weights())).isLessThan(1e-6);
        }
        assertThat(r3.syncShare()).isBetween(0.0, 1.0);
    }

    @Test
    void dataParallelRejectsUnevenBatch() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DataParallel.train(k -> Model.linear(4, 1, 1, Precision.FP32), 3, 1, 10, 0.1f,
                (s, w, f, r, x, t) -> { }, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("divisible by 3");
    }
}
