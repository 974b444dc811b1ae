package dev.wattiq.meter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NonNullTest {
    @Test
    void namesTheFirstNullValue() {
        assertThatCode(() -> NonNull.check("a, b", 1, "x")).doesNotThrowAnyException();
        assertThatThrownBy(() -> NonNull.check("region, pue,tariff", "FR", null, null))
                .isExactlyInstanceOf(NullPointerException.class).hasMessage("pue");
        assertThatThrownBy(() -> NonNull.check("a, b", "x", null, "y")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 names for 3 values: a, b");
    }
}
