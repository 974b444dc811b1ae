package dev.wattiq.planner.fit;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpreadTest {
    @Property(tries = 200)
    void theIntervalAlwaysContainsTheMedianPrediction(@ForAll @Size(min = 0, max = 60) List<@DoubleRange(min = -3, max = 3) Double> r,
                                                      @ForAll @DoubleRange(min = 0.01, max = 1e9) double p50) {
        Spread s = Spread.of(r.stream().mapToDouble(Double::doubleValue).toArray());
        Interval i = Interval.of(p50, s);
        assertThat(i.p10()).isLessThanOrEqualTo(p50);
        assertThat(i.p90()).isGreaterThanOrEqualTo(p50);
        assertThat(i.contains(p50)).isTrue();
    }

    @Test
    void boundsAreTheSplitConformalOrderStatistics() {
        double[] r = new double[19];
        for (int i = 0; i < r.length; i++) r[i] = (i - 9) / 10.0; // -0.9 .. 0.9
        Spread s = Spread.of(r);
        // n = 19: ranks floor(20 x 0.1) = 2 and ceil(20 x 0.9) = 18
        assertThat(s.lo()).isCloseTo(-0.8, within(1e-12));
        assertThat(s.hi()).isCloseTo(0.8, within(1e-12));
        assertThat(s.count()).isEqualTo(19);
    }

    @Test
    void withFewResidualsTheBoundsAreTheExtremes() {
        Spread s = Spread.of(new double[]{0.2, -0.1, 0.05});
        assertThat(s.lo()).isEqualTo(-0.1);
        assertThat(s.hi()).isEqualTo(0.2);
        assertThat(Spread.of(new double[0])).isEqualTo(Spread.NONE);
    }

    @Test
    void onExchangeableRowsTheIntervalHoldsAboutEightyPercent() {
        SplittableRandom rnd = new SplittableRandom(7);
        int held = 0;
        int trials = 4000;
        for (int t = 0; t < trials; t++) {
            double[] r = new double[30];
            for (int i = 0; i < r.length; i++) r[i] = rnd.nextGaussian() * 0.3;
            Spread s = Spread.of(r);
            double next = rnd.nextGaussian() * 0.3;
            if (next >= s.lo() && next <= s.hi()) held++;
        }
        assertThat((double) held / trials).isBetween(0.78, 0.88);
    }

    @Test
    void theSpreadOfAProductCombinesBothFactors() {
        Spread s = Spread.ofSum(new double[]{-0.2, 0, 0.2}, new double[]{-0.1, 0.1});
        assertThat(s.lo()).isCloseTo(-0.3, within(1e-12));
        assertThat(s.hi()).isCloseTo(0.3, within(1e-12));
    }
}
