package dev.wattiq.lab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PruningAndScalerTest {
    @Test
    void l1UnstructuredRemovesTheSmallestMagnitudes() {
        float[] w = {0.5f, -0.1f, 0.3f, -0.9f, 0.05f, 0.2f};
        assertThat(Pruning.l1Unstructured(w, 0.5)).containsExactly(1f, 0f, 1f, 1f, 0f, 0f);
        assertThat(Pruning.l1Unstructured(w, 0)).containsOnly(1f);
        assertThat(Pruning.l1Unstructured(w, 1)).containsOnly(0f);
    }

    @Test
    void rowsByL1RemovesWholeRows() {
        float[] w = {1, 1, -0.1f, 0.1f, 0.5f, -0.5f};
        assertThat(Pruning.rowsByL1(w, 3, 2, 0.34)).containsExactly(1f, 1f, 0f, 0f, 1f, 1f);
    }

    @Test
    void badAmountsAreRejected() {
        assertThatThrownBy(() -> Pruning.l1Unstructured(new float[4], 1.5)).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> Pruning.l1Unstructured(new float[4], Double.NaN)).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> Pruning.rowsByL1(new float[4], 3, 2, 0.5)).hasMessageContaining("3x2");
    }

    @Test
    void maskHoldsThroughTraining() {
        Model m = Model.linear(20, 2, 1, Precision.FP32);
        float[] mask = Pruning.l1Unstructured(m.layers().get(0).weights(), 0.5);
        m.layers().get(0).setMask(mask);
        NormalRandom r = new NormalRandom(3);
        float[] x = new float[5 * 20], t = new float[10];
        for (int s = 0; s < 5; s++) {
            r.fill(x);
            r.fill(t);
            m.trainStep(x, t, 5, 0.1f);
        }
        float[] w = m.layers().get(0).weights();
        for (int k = 0; k < w.length; k++) if (mask[k] == 0f) assertThat(w[k]).isZero();
        assertThat(m.layers().get(0).sparsity()).isEqualTo(0.5);
    }

    @Test
    void lossScalerBacksOffOnOverflowAndGrows() {
        LossScaler s = new LossScaler(1024f, 3);
        s.update(true);
        assertThat(s.scale()).isEqualTo(512f);
        assertThat(s.skippedSteps()).isEqualTo(1);
        s.update(false);
        s.update(false);
        assertThat(s.scale()).isEqualTo(512f);
        s.update(false);
        assertThat(s.scale()).isEqualTo(1024f);
        assertThatThrownBy(() -> new LossScaler(0f, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fp16SkipsOverflowingStepsAndStillLearns() {
        // The default scale 65536 overflows fp16 (max 65504) at once for large errors: the scaler must back off.
        Model m = Model.linear(30, 3, 2, Precision.FP16);
        NormalRandom r = new NormalRandom(4);
        float[] x = new float[8 * 30], t = new float[24];
        r.fill(x);
        r.fill(t);
        for (int k = 0; k < t.length; k++) t[k] *= 100;
        double first = m.loss(x, t, 8);
        for (int s = 0; s < 200; s++) m.trainStep(x, t, 8, 0.01f);
        assertThat(m.skippedSteps()).isPositive();
        assertThat(m.lossScale()).isLessThan(65536f);
        assertThat(m.loss(x, t, 8)).isLessThan(first * 0.5);
    }

    @Test
    void bf16TrainingStaysCloseToFp32() {
        Model a = Model.linear(64, 4, 8, Precision.FP32);
        Model b = Model.linear(64, 4, 8, Precision.BF16);
        NormalRandom r = new NormalRandom(5);
        float[] x = new float[16 * 64], t = new float[64];
        double la = 0, lb = 0;
        for (int s = 0; s < 50; s++) {
            r.fill(x);
            r.fill(t);
            la = a.trainStep(x, t, 16, 0.01f);
            lb = b.trainStep(x, t, 16, 0.01f);
        }
        assertThat(Math.abs(la - lb) / la).isBetween(1e-7, 0.02); // rounded (not identical) but close
    }
}
