package dev.wattiq.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HumanNumberTest {
    @Test
    void readsTheWaysPeopleWriteModelSizes() {
        assertThat(HumanNumber.parse("70e9")).isEqualTo(70e9);
        assertThat(HumanNumber.parse("70B")).isEqualTo(70e9);
        assertThat(HumanNumber.parse("15T")).isEqualTo(15e12);
        assertThat(HumanNumber.parse("1.5M")).isEqualTo(1.5e6);
        assertThat(HumanNumber.parse("2k")).isEqualTo(2e3);
        assertThat(HumanNumber.parse("1,000,000")).isEqualTo(1e6);
        assertThat(HumanNumber.parse("1_000")).isEqualTo(1e3);
        assertThat(HumanNumber.parse(" 405b ")).isEqualTo(405e9);
        assertThat(HumanNumber.parse("-3")).isEqualTo(-3);
    }

    @Test
    void rejectsWhatIsNotANumber() {
        for (String bad : new String[] {"", "B", "70X", "seventy", "NaN", "Infinity", "1e999", "70BB", "1d"}) {
            assertThatThrownBy(() -> HumanNumber.parse(bad)).as(bad).isInstanceOf(CommandLine.TypeConversionException.class)
                    .hasMessageContaining("is not a number");
        }
    }

    @Property
    void suffixesScale(@ForAll @DoubleRange(min = 0.01, max = 1e6) double v) {
        String s = Double.toString(v);
        assertThat(HumanNumber.parse(s + "T")).isCloseTo(v * 1e12, within(1e-9 * v * 1e12));
        assertThat(HumanNumber.parse(s + "B")).isCloseTo(v * 1e9, within(1e-9 * v * 1e9));
        assertThat(HumanNumber.parse(s)).isEqualTo(v);
    }
}
