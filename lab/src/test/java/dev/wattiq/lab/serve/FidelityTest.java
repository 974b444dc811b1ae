package dev.wattiq.lab.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import org.junit.jupiter.api.Test;

/** The fidelity arithmetic: cosine similarity and top-k neighbour overlap. */
class FidelityTest {
    @Provide
    Arbitrary<float[]> vectors() {
        return Arbitraries.floats().between(-10, 10).array(float[].class).ofSize(8);
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float f : v) s += f * f;
        return Math.sqrt(s);
    }

    @Property
    void cosineIsSymmetricAndBounded(@ForAll("vectors") float[] a, @ForAll("vectors") float[] b) {
        double ab = Fidelity.cosine(a, b);
        assertThat(ab).isBetween(-1.0, 1.0).isCloseTo(Fidelity.cosine(b, a), within(1e-12));
    }

    @Property
    void cosineOfAVectorWithItselfIsOne(@ForAll("vectors") float[] a) {
        Assume.that(norm(a) > 1e-3);
        assertThat(Fidelity.cosine(a, a)).isCloseTo(1.0, within(1e-9));
    }

    @Property
    void cosineIgnoresPositiveScaleAndFlipsWithNegation(@ForAll("vectors") float[] a, @ForAll("vectors") float[] b,
                                                       @ForAll @DoubleRange(min = 0.01, max = 100) double scale) {
        Assume.that(norm(a) > 1e-3 && norm(b) > 1e-3);
        float[] scaled = new float[b.length];
        float[] negated = new float[b.length];
        for (int i = 0; i < b.length; i++) {
            scaled[i] = (float) (b[i] * scale);
            negated[i] = -b[i];
        }
        assertThat(Fidelity.cosine(a, scaled)).isCloseTo(Fidelity.cosine(a, b), within(1e-5));
        assertThat(Fidelity.cosine(a, negated)).isCloseTo(-Fidelity.cosine(a, b), within(1e-9));
    }

    @Test
    void cosineKnownValues() {
        assertThat(Fidelity.cosine(new float[] {1, 0}, new float[] {0, 1})).isEqualTo(0.0);
        assertThat(Fidelity.cosine(new float[] {1, 1}, new float[] {1, 0})).isCloseTo(Math.sqrt(0.5), within(1e-12));
        assertThat(Fidelity.cosine(new float[] {0, 0}, new float[] {1, 0})).isEqualTo(0.0);
        assertThatThrownBy(() -> Fidelity.cosine(new float[2], new float[3])).hasMessageContaining("2 vs 3");
    }

    @Property
    void overlapIsTheSharedShare(@ForAll @Size(min = 1, max = 10) @UniqueElements int[] a,
                                 @ForAll @Size(min = 1, max = 10) @UniqueElements int[] b) {
        long shared = Arrays.stream(a).filter(x -> Arrays.stream(b).anyMatch(y -> y == x)).count();
        assertThat(Fidelity.overlap(a, b)).isEqualTo((double) shared / a.length).isBetween(0.0, 1.0);
        assertThat(Fidelity.overlap(a, a)).isEqualTo(1.0);
        if (a.length == b.length) assertThat(Fidelity.overlap(a, b)).isEqualTo(Fidelity.overlap(b, a));
    }

    @Test
    void overlapIgnoresOrderAndCountsDisjointAsZero() {
        assertThat(Fidelity.overlap(new int[] {1, 2, 3, 4}, new int[] {4, 3, 9, 8})).isEqualTo(0.5);
        assertThat(Fidelity.overlap(new int[] {1, 2}, new int[] {3, 4})).isEqualTo(0.0);
        assertThatThrownBy(() -> Fidelity.overlap(new int[0], new int[] {1})).hasMessageContaining("empty");
    }

    /** Unit vectors on an arc at irregular angles, so the nearest neighbours by angle are known. */
    private static double angle(int i) {
        return i * 0.05 + i * i * 0.002;
    }

    private static float[][] fan(int n) {
        float[][] v = new float[n][];
        for (int i = 0; i < n; i++) v[i] = new float[] {(float) Math.cos(angle(i)), (float) Math.sin(angle(i))};
        return v;
    }

    @Property
    void topKOnAFanIsTheNearestByAngle(@ForAll @IntRange(min = 0, max = 29) int query, @ForAll @IntRange(min = 1, max = 5) int k) {
        double[] dist = IntStream.range(0, 30).mapToDouble(i -> Math.abs(angle(i) - angle(query))).toArray();
        int[] byDistance = IntStream.range(0, 30).filter(i -> i != query).boxed()
                .sorted((x, y) -> Double.compare(dist[x], dist[y])).mapToInt(Integer::intValue).toArray();
        Assume.that(dist[byDistance[k]] - dist[byDistance[k - 1]] > 1e-4); // no near-tie at the cut
        int[] got = Fidelity.topK(fan(30), query, k);
        assertThat(got).doesNotContain(query).hasSize(k);
        assertThat(got).containsExactly(Arrays.copyOf(byDistance, k));
    }

    @Test
    void topKRejectsImpossibleK() {
        assertThatThrownBy(() -> Fidelity.topK(fan(5), 0, 5)).hasMessageContaining("k must be 1 to 4");
        assertThatThrownBy(() -> Fidelity.topK(fan(5), 0, 0)).hasMessageContaining("k must be 1 to 4");
    }

    @Test
    void identicalSetsAreFullyFaithfulAndAPermutationIsNot() {
        float[][] a = fan(20);
        int[] q = Fidelity.spreadQueries(20, 5);
        assertThat(Fidelity.meanCosine(a, a)).isCloseTo(1.0, within(1e-9));
        assertThat(Fidelity.meanTopKOverlap(a, a, q, 3)).isEqualTo(1.0);
        float[][] reversed = new float[20][];
        for (int i = 0; i < 20; i++) reversed[i] = a[19 - i];
        assertThat(Fidelity.meanCosine(a, reversed)).isLessThan(0.999);
        assertThat(Fidelity.meanTopKOverlap(a, reversed, q, 3)).isLessThan(1.0);
        assertThatThrownBy(() -> Fidelity.meanCosine(a, fan(3))).hasMessageContaining("20 vs 3");
    }

    @Property
    void spreadQueriesAreDistinctAndInRange(@ForAll @IntRange(min = 1, max = 5000) int size, @ForAll @IntRange(min = 1, max = 300) int count) {
        int[] q = Fidelity.spreadQueries(size, count);
        assertThat(q).hasSize(Math.min(size, count));
        assertThat(Arrays.stream(q).distinct().count()).isEqualTo(q.length);
        assertThat(Arrays.stream(q).allMatch(i -> i >= 0 && i < size)).isTrue();
    }
}
