package dev.wattiq.lab.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real ONNX path: the shipped models and tokenizers on a slice of the shipped corpus. */
class EmbedderTest {
    static Embedder fp32;
    static Embedder int8;
    static List<String> slice;

    @BeforeAll
    static void open() throws Exception {
        fp32 = Embedder.open(Precision.FP32, 1);
        int8 = Embedder.open(Precision.INT8, 1);
        slice = Corpus.shipped().first(12);
    }

    @AfterAll
    static void close() {
        fp32.close();
        int8.close();
    }

    @Test
    void embeddingsAreUnitVectorsOf384Dimensions() throws Exception {
        for (Embedder e : List.of(fp32, int8)) {
            float[][] v = e.embed(slice);
            assertThat(v).hasNumberOfRows(slice.size());
            for (float[] x : v) {
                assertThat(x).hasSize(384);
                assertThat(Fidelity.cosine(x, x)).isCloseTo(1.0, within(1e-6));
                double norm = 0;
                for (float f : x) norm += f * f;
                assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-4));
            }
        }
    }

    @Test
    void paddingInABatchDoesNotChangeAnEmbedding() throws Exception {
        float[][] batched = fp32.embed(slice);
        for (int i = 0; i < 4; i++) {
            float[] alone = fp32.embed(List.of(slice.get(i)))[0];
            assertThat(Fidelity.cosine(alone, batched[i])).isGreaterThan(0.9999);
        }
    }

    @Test
    void meaningDrivesSimilarity() throws Exception {
        float[][] v = fp32.embed(List.of(
                "The young lady danced at the ball all evening.",
                "At the dance she spent the whole night dancing.",
                "The quarterly tax report is due on Monday."));
        assertThat(Fidelity.cosine(v[0], v[1])).isGreaterThan(Fidelity.cosine(v[0], v[2]) + 0.2);
    }

    @Test
    void int8StaysCloseToFp32ButIsNotIdentical() throws Exception {
        float[][] a = fp32.embed(slice);
        float[][] b = int8.embed(slice);
        double mean = Fidelity.meanCosine(a, b);
        assertThat(mean).isGreaterThan(0.9).isLessThan(0.999999);
    }

    @Test
    void longSentencesAreTruncatedNotRejected() throws Exception {
        String longText = "word ".repeat(2 * Embedder.MAX_TOKENS);
        assertThat(int8.embed(List.of(longText, "short"))).hasNumberOfRows(2);
    }
}
