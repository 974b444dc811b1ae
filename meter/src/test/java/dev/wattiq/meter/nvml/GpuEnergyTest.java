package dev.wattiq.meter.nvml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import dev.wattiq.meter.counter.PowerBound;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class GpuEnergyTest {
    /** A bound no scripted figure here reaches, so the properties test the arithmetic alone. */
    static GpuEnergy loose() {
        return new GpuEnergy("gpu-0 (test)", new PowerBound(1e9, "loose"), Duration.ofMillis(100));
    }
    @Property
    void counterEnergyIsTheDifferenceOfFirstAndLastReading(
            @ForAll @Size(min = 2, max = 50) List<@LongRange(min = 0, max = 10_000_000) Long> increments,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 4) long start) {
        GpuEnergy e = loose();
        long mj = start;
        long t = 0;
        for (long inc : increments) {
            mj += inc;
            e.counter(mj, t += 100_000_000, 1.0);
        }
        assertThat(e.joules()).isCloseTo((mj - start - increments.getFirst()) / 1000.0, within(1e-6 * Math.max(1, e.joules())));
        assertThat(e.attributedJoules()).isCloseTo(e.joules(), within(1e-6 * Math.max(1, e.joules())));
    }

    @Property
    void constantPowerIntegratesToPowerTimesTime(
            @ForAll @DoubleRange(min = 0, max = 2000) double watts,
            @ForAll @Size(min = 2, max = 50) List<@IntRange(min = 1, max = 5_000) Integer> stepsMs) {
        GpuEnergy e = loose();
        long t = 0;
        e.power(watts, t, 1.0);
        for (int ms : stepsMs) e.power(watts, t += ms * 1_000_000L, 1.0);
        assertThat(e.joules()).isCloseTo(watts * t / 1e9, within(1e-9 * Math.max(1, watts * t / 1e9)));
    }

    @Property
    void theTreeIsNeverChargedMoreThanTheDeviceWhateverTheShare(
            @ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = -2, max = 3) Double> shares) {
        GpuEnergy e = loose();
        long t = 0;
        long mj = 0;
        e.counter(mj, t, 0.5);
        for (double s : shares) {
            e.counter(mj += 1234, t += 100_000_000, s);
            assertThat(e.attributedJoules()).isBetween(0.0, e.joules());
        }
    }

    @Test
    void aCounterThatGoesBackRestartsWithoutANegativeIntervalAndSaysSo() {
        GpuEnergy e = loose();
        assertThat(e.counter(10_000, 0, 1)).isNull();
        assertThat(e.counter(12_000, 1, 1)).isNull();
        assertThat(e.counter(500, 2, 1)).startsWith("gpu-0 (test): counter went back from 12000 to 500 mJ").contains("reset"); // driver reloaded
        assertThat(e.counter(1_500, 3, 1)).isNull();
        assertThat(e.joules()).isEqualTo(3.0);
        assertThat(e.counter(-5, 4, 1)).as("an unsigned value beyond a long").contains("18446744073709551611 mJ, beyond any plausible value");
        assertThat(e.counter(2_500, 5, 1)).isNull();
        assertThat(e.joules()).isEqualTo(4.0);
    }

    @Test
    void aLeapOrAPowerReadingBeyondTheGpusBoundIsAGapNotEnergy() {
        GpuEnergy e = new GpuEnergy("gpu-1 (H100)", new PowerBound(2100, "3 x max limit 700 W"), Duration.ofMillis(100));
        e.counter(0, 0, 1);
        assertThat(e.counter(70_000, 100_000_000, 1)).isNull(); // 700 W
        assertThat(e.counter(70_000 + 1_000_000, 200_000_000, 1)).contains("gpu-1 (H100): counter rose by 1000000 mJ in 0.100 s, 10,000 W, above its bound of 2,100 W");
        assertThat(e.joules()).isEqualTo(70.0);

        GpuEnergy p = new GpuEnergy("gpu-2 (P100)", new PowerBound(750, "3 x 250 W"), Duration.ofMillis(100));
        p.power(100, 0, 1);
        assertThat(p.power(100, 1_000_000_000L, 1)).isNull();
        assertThat(p.power(65_535, 2_000_000_000L, 1)).startsWith("gpu-2 (P100): power reading of 65535.0 W, above its bound of 750 W");
        assertThat(p.power(100, 3_000_000_000L, 1)).as("the intervals on either side of the bad reading are not integrated").isNull();
        assertThat(p.power(100, 4_000_000_000L, 1)).isNull();
        assertThat(p.joules()).isCloseTo(200.0, within(1e-9));
    }

    @Test
    void aNanShareChargesNothing() {
        GpuEnergy e = loose();
        e.counter(0, 0, Double.NaN);
        e.counter(1000, 1, Double.NaN);
        assertThat(e.joules()).isEqualTo(1.0);
        assertThat(e.attributedJoules()).isZero();
    }

    @Test
    void impossiblePowerIsRefused() {
        GpuEnergy e = loose();
        assertThatThrownBy(() -> e.power(-1, 0, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> e.power(Double.NaN, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> e.power(Double.POSITIVE_INFINITY, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
