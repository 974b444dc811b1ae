package dev.wattiq.meter.estimate;

import dev.wattiq.meter.ComponentEnergy;
import dev.wattiq.meter.ManualClock;
import dev.wattiq.meter.Measurement;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.Method;
import dev.wattiq.meter.Scope;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.SensorException;
import dev.wattiq.meter.Sensors;
import dev.wattiq.meter.Window;
import dev.wattiq.meter.testing.FakeProcfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The estimation sensor on a fake procfs with a manual clock: energies follow the model exactly. */
class CpuEstimateSensorTest {
    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock();

    SensorEnvironment env(FakeProcfs p) {
        return SensorEnvironment.system().withSysfsRoot(dir.resolve("no-sys")).withProcfsRoot(p.root()).withClock(clock);
    }

    @Test
    void machineScopeFollowsUtilisation() throws Exception {
        FakeProcfs p = new FakeProcfs(dir.resolve("proc"), "AMD EPYC", 2, 8L << 20); // 8 GiB
        SensorEnvironment env = env(p);
        Sensors.Selection sel = Sensors.select(env);
        assertThat(sel.sensors()).singleElement().extracting(Sensor::name).isEqualTo("cpu-estimate");
        try (Meter meter = Meter.manual(sel.sensors(), env)) {
            Window w = meter.window("run");
            // 1 s at 50 % (2 CPUs x 100 ticks: 100 busy, 100 idle), then 1 s at 100 %
            clock.advance(Duration.ofSeconds(1));
            p.machine(100, 100);
            meter.sampleNow();
            clock.advance(Duration.ofSeconds(1));
            p.machine(300, 100);
            Measurement m = w.end();
            double idle = 1.48;
            double max = 7.0;
            double memW = 0.392 * 8;
            assertThat(m.joulesByComponent().get("cpu")).isCloseTo((idle + (max - idle) * 0.5) + max, within(1e-9));
            assertThat(m.joulesByComponent().get("memory")).isCloseTo(2 * memW, within(1e-9));
            assertThat(m.method()).isEqualTo(Method.ESTIMATED);
            assertThat(m.idlePowerWatts()).isCloseTo(idle + memW, within(1e-9));
            assertThat(m.assumptions()).containsEntry("memory_gb", "8 (MemTotal of /proc/meminfo; 1 GB = 2^30 bytes)")
                    .containsKeys("cpu_model", "cpu_max_w", "cpu_idle_w", "cpu_power_model", "memory_w_per_gb", "memory_w");
            assertThat(m.samples()).isEqualTo(2);
            assertThat(meter.sensors().getFirst().devices()).singleElement()
                    .satisfies(d -> assertThat(d.energySource()).isEqualTo("estimated"));
        }
    }

    @Test
    void processScopeChargesTheTreesOwnCpuTimeAndResidentMemory() throws Exception {
        FakeProcfs p = new FakeProcfs(dir.resolve("proc"), "AMD EPYC", 2, 8L << 20); // 8 GiB
        p.rssPages(262_144).process(4000, 1, "python3 train.py", 0, 0, 0, 0); // 1 GiB resident (4 KiB pages: no auxv)
        SensorEnvironment env = env(p).withScope(Scope.PROCESS, 4000).withEstimation(OptionalDouble.of(10), OptionalDouble.of(1));
        try (Meter meter = Meter.manual(Sensors.select(env).sensors(), env)) {
            Window w = meter.window("run");
            clock.advance(Duration.ofSeconds(1));
            p.machine(200, 0); // 100 % busy, the tree had 50 of the 200 busy ticks
            p.rssPages(524_288).process(4000, 1, "python3 train.py", 40, 10, 0, 0); // now 2 GiB
            meter.sampleNow();
            clock.advance(Duration.ofSeconds(1));
            p.machine(400, 0);
            p.process(4000, 1, "python3 train.py", 80, 20, 0, 0);
            Measurement m = w.end();
            ComponentEnergy cpu = m.energies().stream().filter(e -> e.component().equals("cpu")).findFirst().orElseThrow();
            double marginal = (10 - 1.48) / 2; // (max - idle) / logical CPUs, W per busy CPU
            assertThat(cpu.deviceJoules()).isCloseTo(20.0, within(1e-9));
            assertThat(cpu.energyJoules()).isCloseTo(1.0 * marginal, within(1e-9)); // 100 ticks = 1 CPU-second
            // memory: 1 s at 1 GiB of 8, then 1 s at 2 GiB, x 8 W
            assertThat(m.joulesByComponent().get("memory")).isCloseTo(8 * (1.0 / 8 + 2.0 / 8), within(1e-9));
            assertThat(m.idlePowerWatts()).isCloseTo(1.48 + 8, within(1e-9)); // idle is reported apart, never charged
            assertThat(m.assumptions().get("attribution")).startsWith("own work, not a share of the machine")
                    .contains("4.26 W per busy logical CPU").contains("rss");
            assertThat(m.assumptions().get("cpu_max_w")).isEqualTo("10 (override: --cpu-watts)");
            assertThat(m.assumptions().get("memory_w_per_gb")).isEqualTo("1 (override: --memory-watts-per-gb)");
        }
    }

    @Test
    void aBusyNeighbourDoesNotChangeTheTreesCharge() throws Exception {
        double[] charged = new double[2];
        long[] neighbourTicks = {0, 150};
        for (int run = 0; run < 2; run++) {
            FakeProcfs p = new FakeProcfs(dir.resolve("proc" + run), "AMD EPYC", 2, 8L << 20);
            p.process(4000, 1, "python3 train.py", 0, 0, 0, 0);
            SensorEnvironment env = env(p).withScope(Scope.PROCESS, 4000);
            try (Meter meter = Meter.manual(Sensors.select(env).sensors(), env)) {
                Window w = meter.window("run");
                clock.advance(Duration.ofSeconds(1));
                p.machine(50 + neighbourTicks[run], 150 - neighbourTicks[run]); // alone: 25 % busy; beside a neighbour: 100 %
                p.process(4000, 1, "python3 train.py", 50, 0, 0, 0);
                charged[run] = w.end().totalJoules();
            }
        }
        assertThat(charged[0]).isPositive().isCloseTo(charged[1], within(1e-12));
    }

    @Test
    void theTreesLastCpuTimeIsChargedFromItsParentAfterItExits() throws Exception {
        FakeProcfs p = new FakeProcfs(dir.resolve("proc"), "AMD EPYC", 2, 8L << 20);
        p.process(700, 1, "wattiq", 0, 0, 1000, 0); // the reaper: 10 s of earlier children
        p.process(4000, 700, "python3", 0, 0, 0, 0);
        SensorEnvironment env = env(p).withScope(Scope.PROCESS, 4000);
        try (Meter meter = Meter.manual(Sensors.select(env).sensors(), env)) {
            Window w = meter.window("run");
            clock.advance(Duration.ofMillis(40)); // shorter than any sampling interval: no sample in between
            p.machine(8, 0);
            p.remove(4000); // exited with 7 ticks and was reaped: only the parent knows
            p.process(700, 1, "wattiq", 0, 0, 1007, 0);
            Measurement m = w.end();
            assertThat(m.joulesByComponent().get("cpu")).isCloseTo(0.07 * (7 - 1.48) / 2, within(1e-9));
        }
    }

    @Test
    void pollsCloserThanOneTickHoldTheCounters() throws Exception {
        FakeProcfs p = new FakeProcfs(dir.resolve("proc"), "AMD EPYC", 2, 1 << 20);
        try (Sensor s = new CpuEstimateProvider().open(env(p))) {
            clock.advance(Duration.ofMillis(5));
            p.machine(2, 0);
            assertThat(s.poll().getFirst().joules()).isZero();
            clock.advance(Duration.ofMillis(5));
            assertThat(s.poll().getFirst().joules()).isCloseTo(7.0 * 0.010, within(1e-12));
            assertThat(s.updatePeriod()).isEqualTo(Duration.ofMillis(10));
        }
    }

    @Test
    void badProcfsAndOverridesGiveOneLineErrors() throws Exception {
        FakeProcfs p = new FakeProcfs(dir.resolve("proc"), "AMD EPYC", 2, 1 << 20);
        CpuEstimateProvider provider = new CpuEstimateProvider();
        assertThatThrownBy(() -> provider.open(env(p).withEstimation(OptionalDouble.empty(), OptionalDouble.of(-1))))
                .isInstanceOf(SensorException.class).hasMessageContaining("--memory-watts-per-gb must be a non-negative number");
        assertThatThrownBy(() -> provider.open(env(p).withScope(Scope.PROCESS, 0))).hasMessageContaining("process scope needs the pid");
        p.write("meminfo", "nothing here\n");
        assertThatThrownBy(() -> provider.open(env(p))).isInstanceOf(SensorException.class)
                .hasMessageContaining("no MemTotal").hasMessageContaining("check --procfs-root").hasMessageNotContaining("\n");
        assertThat(provider.isAvailable(env(p).withProcfsRoot(dir.resolve("nowhere")))).isFalse();
        Sensors.Selection none = Sensors.select(env(p).withProcfsRoot(dir.resolve("nowhere")), List.of(provider));
        assertThat(none.sensors()).isEmpty();
    }

    @Test
    void procStatGoingBadMidRunIsAGapNotACrash() throws Exception {
        FakeProcfs p = new FakeProcfs(dir.resolve("proc"), "AMD EPYC", 2, 1 << 20);
        SensorEnvironment env = env(p);
        try (Meter meter = Meter.manual(Sensors.select(env).sensors(), env)) {
            Window w = meter.window("run");
            clock.advance(Duration.ofSeconds(1));
            p.write("stat", "garbage\n");
            meter.sampleNow();
            Measurement m = w.end();
            assertThat(m.notes()).singleElement().asString().contains("cpu-estimate").contains("no aggregate 'cpu ' line");
        }
    }
}
