package dev.wattiq.meter.rapl;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WrapCounterTest {
    @Property
    void cumulativeEnergyEqualsTheScriptedIncrements(@ForAll @LongRange(min = 1, max = 1L << 40) long max,
                                                     @ForAll @LongRange(min = 0, max = 1L << 40) long start,
                                                     @ForAll @Size(max = 50) List<@LongRange(min = 0, max = 1L << 40) Long> steps) {
        long modulus = max + 1;
        WrapCounter w = new WrapCounter(max);
        long raw = start % modulus;
        w.update(raw);
        long total = 0;
        int wraps = 0;
        for (long step : steps) {
            long s = step % modulus; // more than one full range between two reads cannot be seen: the meter polls faster
            total += s;
            if (raw + s > max) wraps++;
            raw = (raw + s) % modulus;
            assertThat(w.update(raw)).isEqualTo(total);
        }
        assertThat(w.wraps()).isEqualTo(wraps);
    }

    @Test
    void wrapAtTheTopOfTheRange() {
        WrapCounter w = new WrapCounter(100);
        w.update(90);
        assertThat(w.update(100)).isEqualTo(10);
        assertThat(w.update(0)).isEqualTo(11);
        assertThat(w.update(5)).isEqualTo(16);
        w.rebase(50);
        assertThat(w.update(60)).isEqualTo(26);
        assertThatThrownBy(() -> w.update(101)).hasMessageContaining("outside 0..100");
        assertThatThrownBy(() -> new WrapCounter(0)).hasMessageContaining("must be > 0");
    }
}
