package dev.wattiq.meter;

import dev.wattiq.meter.testing.GatedSensor;
import dev.wattiq.meter.testing.ScriptedSensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Windows whose boundaries are stamped (no sensor read on the caller's thread) and settled by the meter's next reading,
 * interpolated between the readings around each stamp.
 */
class StampedWindowTest {
    final ManualClock clock = new ManualClock();

    @Test
    void aWindowOpensAndEndsWhileASensorReadIsHeldAndIsMeasuredWhenItComes() throws Exception {
        GatedSensor gpu = new GatedSensor(clock, 300.0); // 300 W, steady
        try (Meter meter = Meter.start(List.of(gpu), SensorEnvironment.system().withClock(clock), Duration.ofMillis(5))) {
            clock.advance(Duration.ofSeconds(1));
            meter.sampleNow(); // a reading at 1 s: 300 J
            gpu.shut();
            assertThat(gpu.awaitHeld(10_000)).as("the sampler is stuck in a read").isTrue();
            clock.advance(Duration.ofMillis(500));
            Window w = meter.stampWindow("epoch"); // at 1.5 s
            clock.advance(Duration.ofMillis(250));
            CompletableFuture<Measurement> m = w.endLater(); // at 1.75 s
            assertThat(gpu.held()).as("both boundaries were stamped while the read was still held").isPositive();
            assertThat(m).isNotDone();
            assertThat(w.startNanos()).isEqualTo(1_500_000_000L);
            assertThat(w.endNanos()).isEqualTo(1_750_000_000L);
            clock.advance(Duration.ofMillis(250));
            gpu.open(); // the held read returns (at 2 s: 600 J); the stamps lie between 1 s and 2 s
            Measurement done = m.get(10, TimeUnit.SECONDS);
            assertThat(done.durationSeconds()).isEqualTo(0.25);
            assertThat(done.totalJoules()).isCloseTo(75.0, within(1e-9)); // 300 W x 0.25 s: steady power interpolates exactly
            assertThat(w.end()).isSameAs(done);
            assertThat(w.sofar()).isSameAs(done);
            assertThat(w.endLater()).isSameAs(m);
        }
    }

    @Test
    void stampedAndReadWindowsAgreeAndTileTheRun() {
        ScriptedSensor pkg = new ScriptedSensor("cpu_package", Duration.ofMillis(1));
        try (Meter meter = Meter.manual(List.of(pkg), SensorEnvironment.system().withClock(clock))) {
            Window run = meter.window("run");
            Window a = meter.stampWindow("a");
            meter.sampleNow(); // settles a's start at 0 J
            clock.advance(Duration.ofMillis(100));
            pkg.set(10);
            meter.sampleNow();
            clock.advance(Duration.ofMillis(100));
            pkg.set(30); // 100 J/s then 200 J/s
            Window read = meter.window("read");
            CompletableFuture<Measurement> ma = a.endLater();
            Window b = meter.stampWindow("b");
            meter.sampleNow();
            clock.advance(Duration.ofMillis(100));
            pkg.set(60);
            Measurement mr = read.end();
            CompletableFuture<Measurement> mb = b.endLater();
            meter.sampleNow();
            Measurement total = run.end();
            assertThat(ma.join().totalJoules()).isEqualTo(30.0);
            assertThat(mb.join().totalJoules()).isEqualTo(30.0);
            assertThat(mr.totalJoules()).isEqualTo(mb.join().totalJoules());
            assertThat(ma.join().totalJoules() + mb.join().totalJoules()).isLessThanOrEqualTo(total.totalJoules());
        }
    }

    @Test
    void aStampAfterTheMeterClosedEndsAtItsLastReading() {
        ScriptedSensor pkg = new ScriptedSensor("cpu_package", Duration.ofMillis(1));
        Meter meter = Meter.manual(List.of(pkg), SensorEnvironment.system().withClock(clock));
        Window w = meter.stampWindow("late");
        w.begin(); // settled by the boundary thread's reading (0 J at 0 s); nothing is pending after it
        pkg.set(5);
        clock.advance(Duration.ofMillis(10));
        meter.close();
        Measurement m = w.endLater().join(); // stamped at 10 ms, when no reading comes any more
        assertThat(m.totalJoules()).isZero(); // the meter's energy ends at its last reading
        assertThat(m.durationSeconds()).isEqualTo(0.01);
    }

    static Reading reading(long nanos, double joules, double attributed) {
        return new Reading(nanos, Instant.EPOCH, List.of(new EnergyCounter("gpu", "gpu-0", joules, attributed, Method.MEASURED)));
    }

    @Property
    void anInterpolatedCounterLiesBetweenItsReadingsAndGrowsWithTime(
            @ForAll @LongRange(min = 0, max = 1_000_000_000L) long t0, @ForAll @LongRange(min = 0, max = 1_000_000_000L) long span,
            @ForAll @DoubleRange(min = 0, max = 1e9) double j0, @ForAll @DoubleRange(min = 0, max = 1e6) double dj,
            @ForAll @DoubleRange(min = 0, max = 1) double share, @ForAll @DoubleRange(min = 0, max = 1) double p,
            @ForAll @DoubleRange(min = 0, max = 1) double q) {
        Reading before = reading(t0, j0, j0 * share);
        Reading after = reading(t0 + span, j0 + dj, (j0 + dj) * share);
        long ta = t0 + (long) (Math.min(p, q) * span);
        long tb = t0 + (long) (Math.max(p, q) * span);
        EnergyCounter a = Reading.at(before, after, ta, Instant.EPOCH).counters().getFirst();
        EnergyCounter b = Reading.at(before, after, tb, Instant.EPOCH).counters().getFirst();
        assertThat(a.joules()).isBetween(j0, j0 + dj);
        assertThat(b.joules()).isGreaterThanOrEqualTo(a.joules());
        assertThat(b.attributedJoules()).isGreaterThanOrEqualTo(a.attributedJoules()).isLessThanOrEqualTo(b.joules());
        assertThat(Reading.at(before, after, t0 + span, Instant.EPOCH).counters()).isEqualTo(after.counters());
        if (span > 0) assertThat(Reading.at(before, after, t0, Instant.EPOCH).counters().getFirst().joules()).isEqualTo(j0);
        assertThat(Reading.at(before, after, ta, Instant.EPOCH).monotonicNanos()).isEqualTo(ta);
    }

    @Property
    void aCounterThatRestartedBetweenTheReadingsTakesItsLaterValue(
            @ForAll @DoubleRange(min = 1, max = 1e9) double j0, @ForAll @DoubleRange(min = 0, max = 0.99) double fraction) {
        Reading before = reading(0, j0, j0);
        Reading after = reading(1000, j0 * fraction, j0 * fraction);
        assertThat(Reading.at(before, after, 500, Instant.EPOCH).counters()).isEqualTo(after.counters());
    }
}
