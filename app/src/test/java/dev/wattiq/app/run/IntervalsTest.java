package dev.wattiq.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class IntervalsTest {
    @Test
    void acceptsTheDocumentedForms() {
        assertThat(Intervals.parse("100ms")).isEqualTo(Duration.ofMillis(100));
        assertThat(Intervals.parse("1ms")).isEqualTo(Duration.ofMillis(1));
        assertThat(Intervals.parse("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Intervals.parse("0.5s")).isEqualTo(Duration.ofMillis(500));
        assertThat(Intervals.parse("1500us")).isEqualTo(Duration.ofNanos(1_500_000));
        assertThat(Intervals.parse(" 10 ms ")).isEqualTo(Duration.ofMillis(10));
        assertThat(Intervals.parse("1m")).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void rejectsBelowOneMillisecondAndNonsense() {
        for (String bad : new String[] {"0ms", "999us", "0.9ms", "", "ms", "100", "1e3ms", "-1ms", "1 h", "1.ms", "NaNms", "fast"}) {
            assertThatThrownBy(() -> Intervals.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
        assertThatThrownBy(() -> Intervals.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void formatThenParseIsTheIdentity(@ForAll @IntRange(min = 1, max = 3_600_000) int millis) {
        Duration d = Duration.ofMillis(millis);
        assertThat(Intervals.parse(Intervals.format(d))).isEqualTo(d);
    }

    @Property
    void anyStringEitherParsesToAtLeastOneMillisecondOrFailsWithItsText(@ForAll @StringLength(max = 12) String s) {
        try {
            assertThat(Intervals.parse(s)).isBetween(Intervals.MIN, Intervals.MAX);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).contains("'" + dev.wattiq.meter.UserInputException.shown(s) + "'").doesNotContain("\n");
        }
    }
}
