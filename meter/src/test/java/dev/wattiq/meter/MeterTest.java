package dev.wattiq.meter;

import dev.wattiq.meter.testing.ScriptedSensor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The meter core with a manual clock and scripted counters: windows, gaps, samples, notes. */
class MeterTest {
    final ManualClock clock = new ManualClock();
    final ScriptedSensor pkg = new ScriptedSensor("cpu_package", Duration.ofMillis(1));
    final SensorEnvironment env = SensorEnvironment.system().withClock(clock);

    void at(long millis, double joules) {
        clock.advance(Duration.ofMillis(millis));
        pkg.set(joules);
    }

    @Test
    void overlappingAndNestedWindowsAreDifferencesOfReadings() {
        try (Meter meter = Meter.manual(List.of(pkg), env)) {
            pkg.set(100);
            Window a = meter.window("a");
            at(100, 110);
            Window b = meter.window("b");
            at(100, 130);
            Window c = meter.window("c");
            at(100, 160);
            Measurement mb = b.end();
            at(100, 200);
            Measurement ma = a.end();
            Measurement mc = c.end();
            assertThat(ma.totalJoules()).isEqualTo(100);
            assertThat(mb.totalJoules()).isEqualTo(50);
            assertThat(mc.totalJoules()).isEqualTo(70);
            assertThat(ma.durationSeconds()).isEqualTo(0.4);
            assertThat(ma.avgPowerWatts()).isEqualTo(250);
            assertThat(ma.peakPowerWatts()).isCloseTo(400, within(1e-9)); // 40 J in the last 100 ms
            assertThat(ma.samples()).isEqualTo(4);
            assertThat(ma.idlePowerWatts()).isEqualTo(2.5);
            assertThat(c.end()).isSameAs(mc);
            assertThat(ma.notes()).isEmpty();
        }
    }

    @Test
    void windowBoundariesWithinTheUpdatePeriodAddNoPowerSamples() {
        ScriptedSensor slow = new ScriptedSensor("cpu", Duration.ofMillis(10)); // an estimate that moves every 10 ms
        try (Meter meter = Meter.manual(List.of(slow), env)) {
            List<PowerSample> samples = new ArrayList<>();
            meter.addListener(samples::add);
            for (int i = 0; i < 4; i++) { // windows opened and closed 1 ms apart, as a training loop's steps might
                clock.advance(Duration.ofMillis(1));
                Window w = meter.window("step-" + i);
                clock.advance(Duration.ofMillis(1));
                w.end();
            }
            assertThat(samples).isEmpty();
            clock.advance(Duration.ofMillis(3));
            slow.set(10);
            meter.window("late").end(); // 11 ms after the start: a full period, one sample over all of it
            assertThat(samples).singleElement().satisfies(s -> {
                assertThat(s.intervalSeconds()).isCloseTo(0.011, within(1e-9));
                assertThat(s.totalWatts()).isCloseTo(10 / 0.011, within(1e-6));
            });
        }
    }

    @Test
    void processScopeChargesTheAttributedPartAndReportsTheDevice() {
        SensorEnvironment processEnv = env.withScope(Scope.PROCESS, 1);
        try (Meter meter = Meter.manual(List.of(pkg), processEnv)) {
            Window w = meter.window("w");
            clock.advance(Duration.ofSeconds(1));
            pkg.set(100, 25);
            Measurement m = w.end();
            assertThat(m.energies()).singleElement().satisfies(e -> {
                assertThat(e.energyJoules()).isEqualTo(25);
                assertThat(e.deviceJoules()).isEqualTo(100);
            });
            assertThat(m.avgPowerWatts()).isEqualTo(25);
        }
    }

    @Test
    void aFailingSensorLeavesANotedGapInOpenWindowsOnly() {
        try (Meter meter = Meter.manual(List.of(pkg), env)) {
            Window w = meter.window("w");
            List<PowerSample> samples = new ArrayList<>();
            meter.addListener(samples::add);
            meter.addListener(s -> {
                throw new IllegalStateException("a broken listener");
            });
            at(100, 10);
            meter.sampleNow();
            pkg.fail("zone intel-rapl:0 vanished");
            at(100, 20);
            meter.sampleNow();
            at(100, 30);
            meter.sampleNow();
            pkg.fail(null);
            Window later = meter.window("later");
            at(100, 45);
            Measurement m = w.end();
            Measurement ml = later.end();
            assertThat(sensorNotes(m)).singleElement().asString().contains("sensor scripted-cpu_package failed", "zone intel-rapl:0 vanished",
                    "energy during the gap is missing");
            assertThat(m.totalJoules()).isEqualTo(45); // counters are cumulative: the energy comes back once it reads again
            assertThat(sensorNotes(ml)).isEmpty();
            assertThat(ml.totalJoules()).isEqualTo(15);
            assertThat(samples).extracting(PowerSample::gap).containsExactly(false, true, true, false); // no time passes at the window boundaries after
        }
    }

    /** The notes other than a failing listener's (see {@link #aFailingListenerIsNotedInEveryWindowOpenWhileItFails}). */
    static List<String> sensorNotes(Measurement m) {
        return m.notes().stream().filter(n -> !n.startsWith("a power-sample listener failed")).toList();
    }

    @Test
    void aFailingListenerIsNotedInEveryWindowOpenWhileItFails() {
        try (Meter meter = Meter.manual(List.of(pkg), env)) {
            List<PowerSample> delivered = new ArrayList<>();
            boolean[] broken = {false};
            meter.addListener(s -> {
                if (broken[0]) throw new IllegalStateException("the store is full");
            });
            meter.addListener(delivered::add);
            Window before = meter.window("before");
            at(100, 10);
            meter.sampleNow();
            Measurement quiet = before.end();
            Window during = meter.window("during");
            broken[0] = true;
            at(100, 20);
            meter.sampleNow();
            at(100, 30);
            meter.sampleNow();
            broken[0] = false;
            Measurement m = during.end();
            Window after = meter.window("after");
            at(100, 40);
            Measurement later = after.end();
            assertThat(quiet.notes()).isEmpty();
            assertThat(m.notes()).singleElement().asString()
                    .startsWith("a power-sample listener failed at ").contains("IllegalStateException: the store is full");
            assertThat(m.totalJoules()).isEqualTo(20); // the measurement itself is whole
            assertThat(later.notes()).isEmpty();
            assertThat(delivered).hasSizeGreaterThanOrEqualTo(3); // a failing listener does not starve the next one
        }
    }

    @Test
    void windowsShorterThanTheUpdatePeriodAreFlagged() {
        ScriptedSensor slow = new ScriptedSensor("gpu", Duration.ofMillis(100));
        try (Meter meter = Meter.manual(List.of(slow), env)) {
            Window w = meter.window("short");
            clock.advance(Duration.ofMillis(40));
            assertThat(w.end().notes()).singleElement().asString()
                    .isEqualTo("window of 40 ms is shorter than the sensors' update period (100 ms): its energy is unreliable");
            Window ok = meter.window("long");
            clock.advance(Duration.ofMillis(100));
            assertThat(ok.end().notes()).isEmpty();
        }
    }

    @Test
    void samplesSpanAtLeastTheUpdatePeriodSoPeaksAreNotInflated() {
        ScriptedSensor ticky = new ScriptedSensor("cpu", Duration.ofMillis(10));
        try (Meter meter = Meter.manual(List.of(ticky), env)) {
            Window w = meter.window("w");
            double joules = 0;
            List<PowerSample> emitted = new ArrayList<>();
            for (int ms = 1; ms <= 100; ms++) {
                clock.advance(Duration.ofMillis(1));
                if (ms % 10 == 0) joules += 1.0; // a counter that moves once per 10 ms tick: 100 W
                ticky.set(joules);
                PowerSample s = meter.sampleNow();
                if (s != null) emitted.add(s);
            }
            Measurement m = w.end();
            assertThat(emitted).hasSize(10).allSatisfy(s -> assertThat(s.totalWatts()).isCloseTo(100, within(1e-6)));
            assertThat(m.peakPowerWatts()).isCloseTo(100, within(1e-6));
            assertThat(m.totalJoules()).isEqualTo(10);
            assertThat(ticky.polls()).isEqualTo(103); // opening the meter, the window, 100 polls, the end
        }
    }

    @Test
    void backgroundSamplerRejectsSubMillisecondIntervalsAndSamples() throws Exception {
        assertThatThrownBy(() -> Meter.start(List.of(pkg), SensorEnvironment.system(), Duration.ofNanos(500_000)))
                .hasMessageContaining("at least 1 ms");
        ScriptedSensor s = new ScriptedSensor("cpu", Duration.ZERO);
        try (Meter meter = Meter.start(List.of(s), SensorEnvironment.system(), Duration.ofMillis(1))) {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (s.polls() < 5 && System.nanoTime() < deadline) Thread.onSpinWait();
            assertThat(s.polls()).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void endingWindowsWhileTheSamplerRunsNeverDeadlocks() {
        // regression: Window.end() once held the window's monitor while polling, and the sampler held the poll lock
        // while observing the window: a lock-order deadlock found by the overhead benchmark
        Sensor slow = new Sensor() { // a slow sysfs read keeps the sampler inside its poll for a while
            @Override
            public String name() {
                return "slow";
            }

            @Override
            public List<EnergyCounter> poll() {
                LockSupport.parkNanos(300_000);
                return List.of(EnergyCounter.whole("cpu", "package-0", 1, Method.MEASURED));
            }
        };
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (Meter meter = Meter.start(List.of(slow), SensorEnvironment.system(), Duration.ofMillis(1))) {
                for (int i = 0; i < 300; i++) {
                    Window w = meter.window("w" + i);
                    LockSupport.parkNanos(200_000);
                    w.end();
                }
            }
        });
    }
}
