package dev.wattiq.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class QuantitiesTest {
    @Test
    void energyPicksAUnitThatSuitsTheSize() {
        assertThat(Quantities.energy(3.583)).isEqualTo("3.58 J (0.000995 Wh)");
        assertThat(Quantities.energy(12_345)).isEqualTo("12.3 kJ (3.43 Wh)");
        assertThat(Quantities.energy(3.6e6)).isEqualTo("1 kWh");
        assertThat(Quantities.energy(728_110 * 3.6e6)).isEqualTo("728 MWh");
        assertThat(Quantities.energy(Double.NaN)).isEqualTo("unknown");
    }

    @Test
    void moneyAndMassNeverUseScientificNotation() {
        assertThat(Quantities.money(1.251e-7, "USD")).isEqualTo("0.000000125 USD");
        assertThat(Quantities.money(77_124.4, "USD")).isEqualTo("77,100 USD");
        assertThat(Quantities.mass(8.694e-8)).isEqualTo("0.0869 mg");
        assertThat(Quantities.mass(0.0025)).isEqualTo("2.5 g");
        assertThat(Quantities.mass(399_800)).isEqualTo("400 t");
        assertThat(Quantities.mass(0)).isEqualTo("0 kg");
    }

    @Property
    void significantKeepsThreeDigitsOfTheValue(@ForAll @DoubleRange(min = 1, max = 10) double mantissa,
                                               @ForAll @IntRange(min = -9, max = 12) int exponent) {
        double v = mantissa * Math.pow(10, exponent);
        String s = Quantities.significant(v).replace(",", "");
        assertThat(s).doesNotContain("E").doesNotContain("e");
        assertThat(Double.parseDouble(s)).isCloseTo(v, org.assertj.core.api.Assertions.withinPercentage(0.5));
    }
}
