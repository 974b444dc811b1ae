package dev.wattiq.meter.counter;

import dev.wattiq.meter.counter.PlausibleCounter.Step;
import dev.wattiq.meter.counter.PlausibleCounter.Unit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlausibleCounterTest {
    static final long SECOND = 1_000_000_000L;
    static final PowerBound KW = new PowerBound(1000, "test bound");

    @Property
    void withALooseBoundEnergyEqualsTheScriptedIncrementsThroughAnyWraps(
            @ForAll @LongRange(min = 1, max = 1L << 40) long max,
            @ForAll @LongRange(min = 0, max = 1L << 40) long start,
            @ForAll @Size(max = 50) List<@LongRange(min = 0, max = 1L << 40) Long> steps) {
        long modulus = max + 1;
        // 2^40 uJ is 1.1 MJ: a bound of 1e7 W over one second lets every step through
        PlausibleCounter w = PlausibleCounter.wrapping("zone", max, Unit.MICROJOULES, new PowerBound(1e7, "loose"), Duration.ZERO);
        long raw = start % modulus;
        long t = 0;
        w.update(raw, t);
        long total = 0;
        int wraps = 0;
        for (long step : steps) {
            long s = step % modulus; // more than one full range between two reads cannot be seen: the meter polls faster
            total += s;
            boolean wrapped = raw + s > max;
            if (wrapped) wraps++;
            raw = (raw + s) % modulus;
            assertThat(w.update(raw, t += SECOND)).isEqualTo(new Step.Energy(s, wrapped));
            assertThat(w.totalUnits()).isEqualTo(total);
        }
        assertThat(w.wraps()).isEqualTo(wraps);
        assertThat(w.gaps()).isZero();
    }

    @Property
    void acceptedEnergyNeverImpliesMoreThanTheBoundWhateverTheReadings(
            @ForAll @Size(min = 1, max = 60) List<@LongRange(min = 0, max = 1_000_000_000) Long> readings,
            @ForAll @Size(min = 60, max = 60) List<@IntRange(min = 0, max = 2_000) Integer> millis) {
        long max = 1_000_000_000;
        PlausibleCounter c = PlausibleCounter.wrapping("zone", max, Unit.MICROJOULES, KW, Duration.ofMillis(1));
        long t = 0;
        c.update(readings.getFirst(), t);
        long before = 0;
        for (int i = 1; i < readings.size(); i++) {
            long dt = millis.get(i) * 1_000_000L;
            t += dt;
            Step s = c.update(readings.get(i), t);
            long added = c.totalUnits() - before;
            before = c.totalUnits();
            assertThat(added * 1e-6).isLessThanOrEqualTo(1000 * (dt / 1e9 + 0.001) + 1e-9);
            if (s instanceof Step.Gap g) {
                assertThat(added).isZero();
                assertThat(g.note()).startsWith("zone: counter ").endsWith("that interval is a gap, not energy").doesNotContain("\n");
            } else {
                assertThat(added).isEqualTo(((Step.Energy) s).units());
            }
        }
    }

    @Test
    void aBackwardStepThatIsNoPlausibleWrapIsAGapNamingTheZone() {
        // the probe: 1.15e9 -> 1.1e9 uJ in 0.1 s on a 262 kJ range would be a 2.6 MW "wrap"
        long max = 262_143_328_850L;
        PlausibleCounter c = PlausibleCounter.wrapping("RAPL zone intel-rapl:0 (package-0 cpu_package)", max, Unit.MICROJOULES,
                new PowerBound(2000, "stated"), Duration.ofMillis(1));
        c.update(1_100_000_000L, 0);
        assertThat(c.update(1_150_000_000L, SECOND / 10)).isEqualTo(new Step.Energy(50_000_000, false)); // 500 W: fine
        Step s = c.update(1_100_000_000L, 2 * SECOND / 10);
        assertThat(s).isInstanceOf(Step.Gap.class);
        assertThat(((Step.Gap) s).note()).isEqualTo("RAPL zone intel-rapl:0 (package-0 cpu_package): counter went back from 1150000000 to "
                + "1100000000 uJ in 0.100 s; as a wrap (it tops out at 262143328850) that would be 2,620,933 W, above its bound of "
                + "2,000 W (stated): that interval is a gap, not energy");
        assertThat(c.update(1_120_000_000L, 3 * SECOND / 10)).as("carries on from the new value").isEqualTo(new Step.Energy(20_000_000, false));
        assertThat(c.totalUnits()).isEqualTo(70_000_000);
        assertThat(c.gaps()).isOne();
        assertThat(c.wraps()).isZero();
    }

    @Test
    void aPlausibleWrapIsEnergyAndALeapIsAGap() {
        PlausibleCounter c = PlausibleCounter.wrapping("z", 1_000_000, Unit.MICROJOULES, new PowerBound(10, "b"), Duration.ZERO);
        c.update(900_000, 0);
        assertThat(c.update(100_000, SECOND / 10)).isEqualTo(new Step.Energy(200_001, true)); // 2 W
        Step leap = c.update(600_000, 2 * SECOND / 10); // 5 W: still within 10 W
        assertThat(leap).isEqualTo(new Step.Energy(500_000, false));
        Step far = c.update(999_999, 2 * SECOND / 10 + SECOND / 100); // 0.4 J in 10 ms: 40 W
        assertThat(far).isInstanceOf(Step.Gap.class);
        assertThat(((Step.Gap) far).note()).startsWith("z: counter rose by 399999 uJ in 0.010 s, 40.0 W, above its bound of 10 W (b)");
        assertThat(c.totalUnits()).isEqualTo(700_001);
    }

    @Test
    void twoReadsAtOneInstantAllowOneUpdatePeriodOfEnergy() {
        PlausibleCounter c = PlausibleCounter.wrapping("z", 1L << 32, Unit.MICROJOULES, KW, Duration.ofMillis(1));
        c.update(0, 5);
        assertThat(c.update(1_000_000, 5)).isEqualTo(new Step.Energy(1_000_000, false)); // 1 J <= 1 kW x 1 ms
        assertThat(c.update(2_000_001, 5)).isInstanceOf(Step.Gap.class);
        assertThat(((Step.Gap) c.update(3_500_000, 5)).note()).contains("J at once");
    }

    @Test
    void aMonotonicCounterThatGoesBackWasResetNotWrapped() {
        PlausibleCounter c = PlausibleCounter.monotonic("gpu-0 (H100)", Unit.MILLIJOULES, KW, Duration.ofMillis(100));
        c.update(10_000, 0);
        assertThat(c.update(12_000, SECOND)).isEqualTo(new Step.Energy(2_000, false));
        Step back = c.update(500, 2 * SECOND);
        assertThat(((Step.Gap) back).note()).isEqualTo("gpu-0 (H100): counter went back from 12000 to 500 mJ in 1.000 s; this counter does not"
                + " wrap, so it was reset (driver reloaded?): that interval is a gap, not energy");
        assertThat(c.update(1_500, 3 * SECOND)).isEqualTo(new Step.Energy(1_000, false));
        assertThat(c.totalJoules()).isEqualTo(3.0);
    }

    @Test
    void aWrapThatWouldOverflowIsAGapAndBadReadingsAreRefused() {
        PlausibleCounter c = PlausibleCounter.wrapping("z", Long.MAX_VALUE - 1, Unit.MICROJOULES, KW, Duration.ZERO);
        c.update(0, 0);
        c.update(1, SECOND);
        assertThat(c.update(0, 2 * SECOND)).isInstanceOf(Step.Gap.class);
        assertThat(c.totalUnits()).isEqualTo(1);
        assertThatThrownBy(() -> c.update(-1, 3 * SECOND)).hasMessageContaining("outside 0..");
        assertThatThrownBy(() -> c.update(Long.MAX_VALUE, 3 * SECOND)).hasMessageContaining("z: reading");
        assertThatThrownBy(() -> PlausibleCounter.wrapping("z", 0, Unit.MICROJOULES, KW, Duration.ZERO)).hasMessageContaining("must be > 0");
        assertThatThrownBy(() -> new PowerBound(0, "x")).hasMessageContaining("positive");
        assertThatThrownBy(() -> new PowerBound(Double.NaN, "x")).hasMessageContaining("positive");
        assertThatThrownBy(() -> new PowerBound(5, " ")).hasMessageContaining("source");
    }

    @Test
    void rebaseStartsOverWithoutEnergy() {
        PlausibleCounter c = PlausibleCounter.wrapping("z", 100, Unit.MICROJOULES, KW, Duration.ZERO);
        c.update(90, 0);
        assertThat(c.update(100, SECOND)).isEqualTo(new Step.Energy(10, false));
        assertThat(c.update(0, 2 * SECOND)).isEqualTo(new Step.Energy(1, true));
        c.rebase(50, 3 * SECOND);
        assertThat(c.update(60, 4 * SECOND)).isEqualTo(new Step.Energy(10, false));
        assertThat(c.totalUnits()).isEqualTo(21);
        assertThat(c.wraps()).isOne();
    }
}
