package dev.wattiq.meter.nvml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class GpuEnergyTest {
    @Property
    void counterEnergyIsTheDifferenceOfFirstAndLastReading(
            @ForAll @Size(min = 2, max = 50) List<@LongRange(min = 0, max = 10_000_000) Long> increments,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 4) long start) {
        GpuEnergy e = new GpuEnergy();
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
        GpuEnergy e = new GpuEnergy();
        long t = 0;
        e.power(watts, t, 1.0);
        for (int ms : stepsMs) e.power(watts, t += ms * 1_000_000L, 1.0);
        assertThat(e.joules()).isCloseTo(watts * t / 1e9, within(1e-9 * Math.max(1, watts * t / 1e9)));
    }

    @Property
    void theTreeIsNeverChargedMoreThanTheDeviceWhateverTheShare(
            @ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = -2, max = 3) Double> shares) {
        GpuEnergy e = new GpuEnergy();
        long t = 0;
        long mj = 0;
        e.counter(mj, t, 0.5);
        for (double s : shares) {
            e.counter(mj += 1234, t += 100_000_000, s);
            assertThat(e.attributedJoules()).isBetween(0.0, e.joules());
        }
    }

    @Test
    void aCounterThatGoesBackRestartsWithoutANegativeInterval() {
        GpuEnergy e = new GpuEnergy();
        e.counter(10_000, 0, 1);
        e.counter(12_000, 1, 1);
        e.counter(500, 2, 1); // driver reloaded
        e.counter(1_500, 3, 1);
        assertThat(e.joules()).isEqualTo(3.0);
    }

    @Test
    void aNanShareChargesNothing() {
        GpuEnergy e = new GpuEnergy();
        e.counter(0, 0, Double.NaN);
        e.counter(1000, 1, Double.NaN);
        assertThat(e.joules()).isEqualTo(1.0);
        assertThat(e.attributedJoules()).isZero();
    }

    @Test
    void impossiblePowerIsRefused() {
        GpuEnergy e = new GpuEnergy();
        assertThatThrownBy(() -> e.power(-1, 0, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> e.power(Double.NaN, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> e.power(Double.POSITIVE_INFINITY, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
