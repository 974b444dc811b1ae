package dev.wattiq.meter.calibrate;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LinearFitTest {
    @Property(tries = 200)
    void anExactLineIsRecoveredWithNoError(@ForAll @DoubleRange(min = 0, max = 2000) double intercept,
                                           @ForAll @DoubleRange(min = -50, max = 50) double slope,
                                           @ForAll @IntRange(min = 3, max = 12) int n,
                                           @ForAll @DoubleRange(min = 0.1, max = 8) double spacing) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            xs.add(i * spacing);
            ys.add(intercept + slope * i * spacing);
        }
        LinearFit f = LinearFit.of(xs, ys);
        assertThat(f.intercept()).isCloseTo(intercept, within(1e-6 * (1 + intercept)));
        assertThat(f.slope()).isCloseTo(slope, within(1e-6 * (1 + Math.abs(slope))));
        assertThat(f.rmse()).isLessThan(1e-6 * (1 + intercept));
        assertThat(f.looRmse()).isLessThan(1e-6 * (1 + intercept));
    }

    @Test
    void theErrorsAreThoseOfTheResidualsAndOfLeavingOneOut() {
        LinearFit f = LinearFit.of(List.of(0.0, 1.0, 2.0, 3.0), List.of(10.0, 13.0, 13.0, 16.0));
        assertThat(f.slope()).isCloseTo(1.8, within(1e-12));
        assertThat(f.intercept()).isCloseTo(10.3, within(1e-12));
        // residuals -0.3, 0.9, -0.9, 0.3
        assertThat(f.rmse()).isCloseTo(Math.sqrt((0.09 + 0.81 + 0.81 + 0.09) / 4), within(1e-12));
        assertThat(f.maxAbsError()).isCloseTo(0.9, within(1e-12));
        assertThat(f.looRmse()).isGreaterThan(f.rmse());
    }

    @Test
    void malformedInputIsRefusedNamingTheProblem() {
        assertThatThrownBy(() -> LinearFit.of(List.of(1.0), List.of(2.0))).hasMessage("need at least two points to fit a line, got 1");
        assertThatThrownBy(() -> LinearFit.of(List.of(1.0, 2.0), List.of(2.0))).hasMessage("need as many x as y, got 2 and 1");
        assertThatThrownBy(() -> LinearFit.of(List.of(1.0, 1.0, 1.0), List.of(2.0, 3.0, 4.0))).hasMessageStartingWith("every point has the same x");
        assertThatThrownBy(() -> LinearFit.of(List.of(1.0, Double.NaN), List.of(2.0, 3.0))).hasMessage("point 1 is not finite");
        assertThat(LinearFit.of(List.of(0.0, 1.0), List.of(5.0, 7.0)).looRmse()).isNaN();
    }
}
