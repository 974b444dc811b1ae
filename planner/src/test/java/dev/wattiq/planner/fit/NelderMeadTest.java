package dev.wattiq.planner.fit;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NelderMeadTest {
    @Property(tries = 50)
    void findsTheMinimumOfAShiftedBowlInsideTheBox(@ForAll @DoubleRange(min = -2, max = 2) double a,
                                                   @ForAll @DoubleRange(min = -2, max = 2) double b) {
        double[] x = NelderMead.minimise(p -> (p[0] - a) * (p[0] - a) + 3 * (p[1] - b) * (p[1] - b),
                new double[]{0, 0}, new double[]{-5, -5}, new double[]{5, 5}, new double[]{1, 1}, 2000);
        assertThat(x[0]).isCloseTo(a, within(1e-3));
        assertThat(x[1]).isCloseTo(b, within(1e-3));
    }

    @Test
    void aMinimumOutsideTheBoxEndsOnItsEdgeAndTheObjectiveNeverSeesAPointOutside() {
        double[] x = NelderMead.minimise(p -> {
            assertThat(p[0]).isBetween(0.0, 1.0);
            return (p[0] - 3) * (p[0] - 3);
        }, new double[]{0.5}, new double[]{0}, new double[]{1}, new double[]{0.2}, 500);
        assertThat(x[0]).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void theSameStartAndObjectiveGiveTheSameAnswer() {
        java.util.function.ToDoubleFunction<double[]> f = p -> Math.abs(p[0] - 0.3) + Math.abs(p[1] + 0.7) + p[2] * p[2];
        double[] lo = {-1, -1, -1};
        double[] hi = {1, 1, 1};
        double[] step = {0.1, 0.1, 0.1};
        assertThat(NelderMead.minimise(f, new double[]{0, 0, 0.5}, lo, hi, step, 800))
                .containsExactly(NelderMead.minimise(f, new double[]{0, 0, 0.5}, lo, hi, step, 800));
    }
}
