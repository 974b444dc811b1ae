package dev.wattiq.lab.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LatenciesTest {
    @Property
    void percentilesAreOrderedSampleValues(@ForAll @Size(min = 1, max = 200) double[] values,
                                           @ForAll @DoubleRange(min = 0.01, max = 100) double p) {
        double p50 = Latencies.percentile(values, 50);
        double p99 = Latencies.percentile(values, 99);
        double pp = Latencies.percentile(values, p);
        assertThat(p50).isLessThanOrEqualTo(p99);
        assertThat(Arrays.stream(values).anyMatch(v -> Double.compare(v, pp) == 0)).isTrue();
        assertThat(Latencies.percentile(values, 100)).isEqualTo(Arrays.stream(values).max().orElseThrow());
    }

    @Test
    void nearestRankOnKnownValues() {
        double[] v = {5, 1, 4, 2, 3};
        assertThat(Latencies.percentile(v, 50)).isEqualTo(3);
        assertThat(Latencies.percentile(v, 99)).isEqualTo(5);
        assertThat(Latencies.percentile(v, 20)).isEqualTo(1);
        assertThat(Latencies.percentile(new double[] {7}, 99)).isEqualTo(7);
        assertThat(Latencies.percentile(new double[0], 50)).isNaN();
        assertThat(v).containsExactly(5, 1, 4, 2, 3); // input untouched
    }

    @Test
    void rejectsPercentilesOutsideTheRange() {
        assertThatThrownBy(() -> Latencies.percentile(new double[] {1}, 0)).hasMessageContaining("(0, 100]");
        assertThatThrownBy(() -> Latencies.percentile(new double[] {1}, 101)).hasMessageContaining("(0, 100]");
        assertThatThrownBy(() -> Latencies.percentile(new double[] {1}, Double.NaN)).hasMessageContaining("(0, 100]");
    }
}
