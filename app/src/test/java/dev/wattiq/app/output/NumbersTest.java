package dev.wattiq.app.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** One format per column: never 98.2000 beside 120.800, nor 0.013 beside 9.919e-03. */
class NumbersTest {
    @Test
    void theIssuesColumnsPrintAlike() {
        assertThat(Numbers.column(new double[] {98.2, 120.8}, 4)).containsExactly("98.20", "120.80");
        assertThat(Numbers.column(new double[] {0.013, 0.009919}, 4)).containsExactly("0.013000", "0.009919");
        assertThat(Numbers.column(new double[] {6.085e-7, 4.57e-7}, 4)).containsExactly("6.085e-07", "4.570e-07");
        assertThat(Numbers.column(new double[] {5200, 1650}, 4)).containsExactly("5,200", "1,650");
        assertThat(Numbers.column(new double[] {1_714_371, 3.2}, 3)).containsExactly("1,714,371.00", "3.20");
        assertThat(Numbers.column(new double[] {Double.NaN, 0, 2.5}, 3)).containsExactly("-", "0.00", "2.50");
        assertThat(Numbers.column(new double[] {2e12, 1}, 3)).containsExactly("2.00e+12", "1.00e+00");
        assertThat(Numbers.money("22.62", "USD")).isEqualTo("22.62 USD");
        assertThat(Numbers.money("-", "USD")).isEqualTo("-");
    }

    @Property(tries = 500)
    void aColumnIsAllScientificOrAllWithTheSameDecimals(@ForAll @Size(min = 1, max = 12) double[] values) {
        String[] out = Numbers.column(values, 4);
        Set<String> shapes = Arrays.stream(out).filter(s -> !s.equals("-")).map(NumbersTest::shape).collect(Collectors.toSet());
        assertThat(shapes).as(Arrays.toString(out)).hasSizeLessThanOrEqualTo(1);
    }

    @Property(tries = 500)
    void everyFigureReadsBackWithinItsPrecision(@ForAll @Size(min = 1, max = 8) List<@DoubleRange(min = -1e300, max = 1e300) Double> values,
                                                 @ForAll @DoubleRange(min = 1e-3, max = 1e9) @Scale(4) double extra) {
        double[] all = new double[values.size() + 1];
        for (int i = 0; i < values.size(); i++) all[i] = values.get(i);
        all[values.size()] = extra;
        String[] out = Numbers.column(all, 4);
        for (int i = 0; i < all.length; i++) {
            if (!Double.isFinite(all[i])) {
                assertThat(out[i]).isEqualTo("-");
                continue;
            }
            double back = Double.parseDouble(out[i].replace(",", ""));
            double tolerance = Math.max(Math.abs(all[i]) * 5e-4, 0.5 * Math.pow(10, -decimals(out[i])));
            assertThat(back).as(out[i] + " for " + all[i]).isCloseTo(all[i], org.assertj.core.api.Assertions.within(tolerance));
        }
    }

    /** "sci" or the number of decimals. */
    private static String shape(String s) {
        return s.contains("e") ? "sci" : String.valueOf(decimals(s));
    }

    private static int decimals(String s) {
        if (s.contains("e")) return 3 - Integer.parseInt(s.substring(s.indexOf('e') + 1));
        int dot = s.indexOf('.');
        return dot < 0 ? 0 : s.length() - dot - 1;
    }
}
