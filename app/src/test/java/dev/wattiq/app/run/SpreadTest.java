package dev.wattiq.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The median and spread of repeated runs, and the rule that says whether B differs from A beyond it. */
class SpreadTest {
    @Test
    void quartilesInterpolateBetweenOrderStatistics() {
        Spread s = Spread.of(4, 1, 3, 2, Double.NaN);
        assertThat(s.n()).isEqualTo(4);
        assertThat(s.median()).isEqualTo(2.5);
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(4);
        assertThat(s.q1()).isEqualTo(1.75);
        assertThat(s.q3()).isEqualTo(3.25);
        assertThat(s.rangeRel()).isCloseTo(3 / 2.5, within(1e-12));
        assertThat(Spread.of(7).known()).isFalse();
        assertThat(Spread.of().n()).isZero();
    }

    @Property
    void orderedAndIndependentOfOrder(@ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = -1e6, max = 1e6) Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Spread s = Spread.of(v);
        assertThat(s.min()).isLessThanOrEqualTo(s.q1());
        assertThat(s.q1()).isLessThanOrEqualTo(s.median());
        assertThat(s.median()).isLessThanOrEqualTo(s.q3());
        assertThat(s.q3()).isLessThanOrEqualTo(s.max());
        Collections.reverse(values);
        assertThat(Spread.of(values.stream().mapToDouble(Double::doubleValue).toArray())).isEqualTo(s);
        assertThat(s.n()).isEqualTo(v.length);
        assertThat(s.min()).isEqualTo(Arrays.stream(v).min().orElseThrow());
    }

    @Property
    void aGroupNeverDiffersFromItself(@ForAll @Size(min = 1, max = 20) List<@DoubleRange(min = 0, max = 1e4) Double> values) {
        Spread s = Spread.of(values.stream().mapToDouble(Double::doubleValue).toArray());
        Comparison c = Comparison.of("energy_j.total", s, s);
        assertThat(c.differs()).isFalse();
        assertThat(c.verdict()).isEqualTo(values.size() >= 2 ? Comparison.Verdict.WITHIN_NOISE : Comparison.Verdict.UNKNOWN);
    }

    @Property
    void aShiftBeyondTheRangeIsADifference(@ForAll @Size(min = 2, max = 20) List<@DoubleRange(min = 1, max = 100) Double> values,
                                           @ForAll @DoubleRange(min = 1.01, max = 10) double factor) {
        double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
        Spread sa = Spread.of(a);
        double shift = factor * Math.max(sa.range(), 1e-9);
        Spread up = Spread.of(Arrays.stream(a).map(x -> x + shift).toArray());
        Spread down = Spread.of(Arrays.stream(a).map(x -> x - shift).toArray());
        assertThat(Comparison.of("x", sa, up).verdict()).isEqualTo(Comparison.Verdict.HIGHER);
        assertThat(Comparison.of("x", sa, down).verdict()).isEqualTo(Comparison.Verdict.LOWER);
        // within the range: never a difference
        Spread inside = Spread.of(Arrays.stream(a).map(x -> x + sa.range() / factor).toArray());
        assertThat(Comparison.of("x", sa, inside).differs()).isFalse();
    }

    @Test
    void oneRunOnOneSideUsesTheOthersSpread() {
        Comparison c = Comparison.of("energy_j.total", Spread.of(10, 11, 12), Spread.of(15));
        assertThat(Comparison.noise(c.a(), c.b())).isEqualTo(2);
        assertThat(c.verdict()).isEqualTo(Comparison.Verdict.HIGHER);
        assertThat(c.differenceRel()).isCloseTo(4 / 11.0, within(1e-12));
        assertThat(Comparison.of("energy_j.total", Spread.of(10), Spread.of(15)).verdict()).isEqualTo(Comparison.Verdict.UNKNOWN);
    }
}
