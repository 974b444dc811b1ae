package dev.wattiq.planner;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TiesTest {
    @Test
    void withinARelativeBillionthIsEqualAndKeepsThePlaceOfTheFirst() {
        assertThat(Ties.equal(1.0, 1.0 + 1e-12)).isTrue();
        assertThat(Ties.equal(1.0, 1.0 + 2e-9)).isFalse();
        assertThat(Ties.lower(1.0 - 1e-12, 1.0)).as("drift is no saving").isFalse();
        assertThat(Ties.lower(1.0 - 1e-6, 1.0)).isTrue();
        assertThat(Ties.lower(0.0, 0.0)).isFalse();
        assertThat(Ties.lower(5, Double.POSITIVE_INFINITY)).as("anything beats none yet").isTrue();
        assertThat(Ties.lower(Double.NaN, 1)).isFalse();
        assertThat(Ties.lower(1, Double.NaN)).isTrue();
        assertThat(Ties.equal(Double.POSITIVE_INFINITY, 1e308)).isFalse();
        assertThat(Ties.equal(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)).isTrue();
        assertThat(Ties.equal(-3, -3 * (1 + 1e-12))).isTrue();
    }

    @Property
    void lowerIsAStrictOrderBeyondTheTolerance(@ForAll @DoubleRange(min = -1e12, max = 1e12) double a,
                                               @ForAll @DoubleRange(min = -1e12, max = 1e12) double b) {
        assertThat(Ties.lower(a, a)).isFalse();
        assertThat(Ties.lower(a, b) && Ties.lower(b, a)).isFalse();
        assertThat(Ties.equal(a, b)).isEqualTo(Ties.equal(b, a));
        if (Ties.lower(a, b)) assertThat(a).isLessThan(b);
        assertThat(Ties.lower(a, b) || Ties.lower(b, a) || Ties.equal(a, b)).isTrue();
    }
}
