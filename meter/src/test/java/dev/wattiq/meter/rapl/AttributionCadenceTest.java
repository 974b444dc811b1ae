package dev.wattiq.meter.rapl;

import dev.wattiq.meter.ComponentEnergy;
import dev.wattiq.meter.EnergyCounter;
import dev.wattiq.meter.ManualClock;
import dev.wattiq.meter.Measurement;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.PowerSample;
import dev.wattiq.meter.Scope;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.Sensors;
import dev.wattiq.meter.Window;
import dev.wattiq.meter.testing.FakePowercap;
import dev.wattiq.meter.testing.FakeProcfs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Process-scope attribution at a coarser cadence than the counter reads: counters (and their wraps) are read at every
 * poll, the tree's share only every attribution period and at every window boundary, so a window's energy is exactly
 * the device's energy between its boundaries charged at the tree's share over that stretch.
 */
class AttributionCadenceTest {
    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock();
    FakePowercap rapl;
    FakeProcfs procfs;
    SensorEnvironment env;

    @BeforeEach
    void setUp() {
        rapl = new FakePowercap(dir.resolve("sys"), true).zone("intel-rapl:0", "package-0", 10_000_000, 9_000_000);
        procfs = new FakeProcfs(dir.resolve("proc"), "AMD EPYC 9654 96-Core Processor", 2, 1 << 20);
        procfs.machine(1000, 0);
        procfs.process(4242, 1, "python3", 100, 0, 0, 0);
        env = SensorEnvironment.system().withSysfsRoot(rapl.sysfsRoot()).withProcfsRoot(procfs.root()).withClock(clock)
                .withScope(Scope.PROCESS, 4242).withAttributionPeriod(Duration.ofSeconds(1));
    }

    PowerSample step(Meter meter, long millis) {
        clock.advance(Duration.ofMillis(millis));
        return meter.sampleNow();
    }

    static EnergyCounter package0(Meter meter) {
        return meter.latest().counters().getFirst();
    }

    @Test
    void countersAndWrapsAreReadEveryPollWhileTheShareWaitsForTheWindowEnd() throws Exception {
        try (Meter meter = Meter.manual(Sensors.select(env).sensors(), env)) {
            Window w = meter.window("w");
            rapl.set("intel-rapl:0", 1_000_000); // wrapped: 9 J -> 10 J (max) -> 0 -> 1 J
            procfs.machine(1100, 0);
            procfs.process(4242, 1, "python3", 125, 0, 0, 0);
            step(meter, 100);
            long wrapped = 10_000_000 - 9_000_000 + 1_000_000 + 1;
            assertThat(Math.round(package0(meter).joules() * 1e6)).isEqualTo(wrapped);
            assertThat(package0(meter).attributedJoules()).isZero(); // read, not yet attributed (period 1 s)
            rapl.set("intel-rapl:0", 2_000_000);
            procfs.machine(1200, 0);
            procfs.process(4242, 1, "python3", 225, 0, 0, 0);
            step(meter, 100);
            clock.advance(Duration.ofMillis(100));
            Measurement m = w.end(); // a boundary: a fresh share, (225 - 100) / (1200 - 1000), for all 3 J
            ComponentEnergy pkg = m.energies().getFirst();
            assertThat(Math.round(pkg.deviceJoules() * 1e6)).isEqualTo(wrapped + 1_000_000);
            assertThat(pkg.energyJoules()).isCloseTo((wrapped + 1_000_000) / 1e6 * 125 / 200, within(1e-9));
            assertThat(((RaplSensor) meter.sensors().getFirst()).wraps()).containsEntry("intel-rapl:0", 1);
        }
    }

    @Test
    void aWindowOpeningMidPeriodIsNotChargedTheEnergyBeforeIt() throws Exception {
        try (Meter meter = Meter.manual(Sensors.select(env).sensors(), env)) {
            Window outer = meter.window("outer");
            rapl.set("intel-rapl:0", 9_500_000);
            procfs.machine(1100, 0);
            procfs.process(4242, 1, "python3", 150, 0, 0, 0); // half the busy time
            step(meter, 100);
            clock.advance(Duration.ofMillis(50));
            Window inner = meter.window("inner"); // settles the 0.5 J before it at share 0.5
            rapl.set("intel-rapl:0", 9_900_000);
            procfs.machine(1200, 0);
            procfs.process(4242, 1, "python3", 250, 0, 0, 0); // all of it
            step(meter, 100);
            clock.advance(Duration.ofMillis(50));
            Measurement in = inner.end();
            Measurement out = outer.end();
            assertThat(in.energies().getFirst().energyJoules()).isCloseTo(0.4, within(1e-9));
            assertThat(Math.round(in.energies().getFirst().deviceJoules() * 1e6)).isEqualTo(400_000);
            assertThat(out.energies().getFirst().energyJoules()).isCloseTo(0.25 + 0.4, within(1e-9));
            assertThat(Math.round(out.energies().getFirst().deviceJoules() * 1e6)).isEqualTo(900_000);
        }
    }

    @Test
    void powerSamplesSpanTheAttributionPeriodAndAddUpToTheWindow() throws Exception {
        try (Meter meter = Meter.manual(Sensors.select(env).sensors(), env)) {
            assertThat(meter.updatePeriod()).isEqualTo(Duration.ofSeconds(1));
            Window w = meter.window("w");
            List<PowerSample> samples = new ArrayList<>();
            long busy = 1000;
            long tree = 100;
            for (int i = 1; i <= 25; i++) {
                rapl.set("intel-rapl:0", (9_000_000 + i * 10_000L) % 10_000_001); // 10 mJ per 100 ms, no wrap
                busy += 10;
                tree += 4;
                procfs.machine(busy, 0);
                procfs.process(4242, 1, "python3", tree, 0, 0, 0);
                PowerSample s = step(meter, 100);
                if (s != null) samples.add(s);
            }
            assertThat(samples).hasSize(2);
            assertThat(samples).allSatisfy(s -> {
                assertThat(s.intervalSeconds()).isCloseTo(1.0, within(1e-9));
                assertThat(s.totalWatts()).isCloseTo(0.1 * 0.4, within(1e-9));
            });
            Measurement m = w.end();
            assertThat(m.energies().getFirst().energyJoules()).isCloseTo(0.25 * 0.4, within(1e-9));
        }
    }

    @Test
    void pollsALittleEarlyStillAttributeEveryPeriod() throws Exception {
        SensorEnvironment every100 = env.withAttributionPeriod(Duration.ofMillis(100));
        try (Meter meter = Meter.manual(Sensors.select(every100).sensors(), every100)) {
            long busy = 1000;
            long tree = 100;
            for (int i = 1; i <= 3; i++) {
                rapl.set("intel-rapl:0", 9_000_000 + i * 100_000L);
                busy += 10;
                tree += 5;
                procfs.machine(busy, 0);
                procfs.process(4242, 1, "python3", tree, 0, 0, 0);
                step(meter, 99); // a sampler woken 1 ms early: the read is due at the poll nearest to 100 ms
                assertThat(package0(meter).attributedJoules()).isCloseTo(i * 0.1 * 0.5, within(1e-9));
            }
        }
    }

    @Test
    void anAttributionPeriodBelowOneTickIsRejectedWithTheLimit() {
        assertThatThrownBy(() -> env.withAttributionPeriod(Duration.ofMillis(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 10 ms");
        assertThat(SensorEnvironment.system().attributionPeriod()).isEqualTo(SensorEnvironment.DEFAULT_ATTRIBUTION_PERIOD);
    }

    @Test
    void theAssumptionsSayHowOftenTheShareIsRead() throws Exception {
        try (Meter meter = Meter.manual(Sensors.select(env).sensors(), env)) {
            assertThat(meter.assumptions().get("attribution")).contains("every 1000 ms and at window boundaries");
        }
    }
}
