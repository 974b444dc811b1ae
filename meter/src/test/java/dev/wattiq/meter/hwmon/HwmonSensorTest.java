package dev.wattiq.meter.hwmon;

import dev.wattiq.meter.ComponentEnergy;
import dev.wattiq.meter.Measurement;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.Method;
import dev.wattiq.meter.PowerSample;
import dev.wattiq.meter.Reconciliation;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.SensorException;
import dev.wattiq.meter.Sensors;
import dev.wattiq.meter.Window;
import dev.wattiq.meter.testing.FakeHwmon;
import dev.wattiq.meter.testing.FakePowercap;
import dev.wattiq.meter.testing.FakeHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The hwmon sensors through the selection and the meter, on fake sysfs trees and a manual clock. */
class HwmonSensorTest {
    @TempDir
    Path dir;
    final FakeHost host = new FakeHost(() -> dir);

    /** A manual meter over the hwmon wall sensor alone. */
    Meter wallMeter(Path sysfs) throws SensorException {
        SensorEnvironment env = host.env(sysfs);
        return Meter.manual(List.of(new HwmonWallProvider().open(env)), env);
    }

    static List<String> names(Sensors.Selection s) {
        return s.sensors().stream().map(Sensor::name).toList();
    }

    @Test
    void aPowerMeterIsTheWallBesideRaplAndTheComponentsStayAsTheyWere() throws Exception {
        Path sys = dir.resolve("sys");
        FakePowercap rapl = new FakePowercap(sys, true).zone("intel-rapl:0", "package-0", 0).zone("intel-rapl:0:0", "dram", 0);
        FakeHwmon hw = new FakeHwmon(sys).device(0, "k10temp", false).device(1, "power_meter", true);
        hw.power(1, "power1_average", 250).write(1, "power1_average_interval", "1000\n");
        hw.write(0, "temp1_input", "41000\n");
        SensorEnvironment env = host.env(sys);
        Sensors.Selection sel = Sensors.select(env);
        assertThat(names(sel)).containsExactlyInAnyOrder("rapl", "hwmon");
        try (Meter meter = Meter.manual(sel.sensors(), env)) {
            Window w = meter.window("job");
            for (int i = 1; i <= 100; i++) { // 10 s: package 60 W, dram 5 W, wall 250 W
                host.clock.advance(Duration.ofMillis(100));
                rapl.set("intel-rapl:0", i * 6_000_000L);
                rapl.set("intel-rapl:0:0", i * 500_000L);
                meter.sampleNow();
            }
            Measurement m = w.end();
            assertThat(m.totalJoules()).isCloseTo(650, within(1e-6));
            assertThat(m.joulesByComponent()).containsOnlyKeys("cpu_package", "dram");
            assertThat(m.wallJoules()).hasValueCloseTo(2500.0, within(1e-6));
            Reconciliation r = m.reconciliation().orElseThrow();
            assertThat(r.componentsJoules()).isCloseTo(650, within(1e-6));
            assertThat(r.otherJoules()).isCloseTo(1850, within(1e-6));
            assertThat(r.missedShare()).isCloseTo(0.74, within(1e-9));
            assertThat(r.wallMethod()).isEqualTo(Method.INTEGRATED);
            assertThat(r.wallSources()).containsExactly("hwmon1");
            assertThat(m.assumptions().get("wall_source")).contains("power_meter", "power1_average", "averaged over 1000 ms");
            PowerSample last = meter.latestSample();
            assertThat(last.wallWatts()).isCloseTo(250, within(1e-6));
            assertThat(last.totalWatts()).isCloseTo(65, within(1e-6));
            assertThat(last.wattsByComponent()).doesNotContainKey("wall");
        }
    }

    @Test
    void wallPowerChangesAreHeldUntilTheNextReadAndReadAtMostOncePerAveragingInterval() throws Exception {
        Path sys = dir.resolve("sys");
        FakeHwmon hw = new FakeHwmon(sys).device(3, "power_meter", false);
        hw.power(3, "power1_average", 200).write(3, "power1_average_interval", "500\n");
        try (Meter meter = wallMeter(sys)) {
            Window w = meter.window("w");
            host.clock.advance(Duration.ofMillis(300));
            hw.power(3, "power1_average", 400); // not read yet: 500 ms averaging interval
            meter.sampleNow();
            host.step(meter, Duration.ofMillis(200)); // t = 0.5 s: read, 400 W from now on
            host.clock.advance(Duration.ofMillis(1500));
            Measurement m = w.end();
            assertThat(m.wallJoules()).hasValueCloseTo(200 * 0.5 + 400 * 1.5, within(1e-6));
            assertThat(m.energies()).isEmpty();
        }
    }

    @Test
    void anEnergyChannelIsACounter() throws Exception {
        Path sys = dir.resolve("sys");
        FakeHwmon hw = new FakeHwmon(sys).device(2, "power_meter", false);
        hw.write(2, "energy1_input", "1000000000\n").power(2, "power1_input", 999);
        try (Meter meter = wallMeter(sys)) {
            Window w = meter.window("w");
            host.clock.advance(Duration.ofSeconds(2));
            hw.write(2, "energy1_input", "1612345000\n");
            Measurement m = w.end();
            assertThat(m.wall()).singleElement().satisfies(e -> {
                assertThat(e.method()).isEqualTo(Method.MEASURED);
                assertThat(e.deviceJoules()).isCloseTo(612.345, within(1e-9));
            });
        }
    }

    @Test
    void garbageAtOpenSkipsTheWallWithOneLineAndTheOtherSensorsGoOn() throws Exception {
        Path sys = dir.resolve("sys");
        new FakePowercap(sys, true).zone("intel-rapl:0", "package-0", 0);
        FakeHwmon hw = new FakeHwmon(sys).device(1, "power_meter", true);
        hw.write(1, "power1_average", "garbage\n");
        Sensors.Selection sel = Sensors.select(host.env(sys));
        assertThat(names(sel)).containsExactly("rapl");
        assertThat(sel.skipped()).singleElement().satisfies(s -> {
            assertThat(s).startsWith("hwmon: ").contains("power1_average holds 'garbage', not a number of microwatts")
                    .contains("point --sysfs-root at a sane tree").doesNotContain("\n");
            assertThat(s.indexOf("hwmon: ")).isEqualTo(s.lastIndexOf("hwmon: "));
        });
    }

    @Test
    void garbageMidRunIsAGapAndThePowerIsHeldForAtMostFiveSeconds() throws Exception {
        Path sys = dir.resolve("sys");
        FakeHwmon hw = new FakeHwmon(sys).device(1, "power_meter", true);
        hw.power(1, "power1_input", 100);
        try (Meter meter = wallMeter(sys)) {
            Window w = meter.window("w");
            host.step(meter, Duration.ofSeconds(1));
            hw.write(1, "power1_input", "\u0000\u0001junk");
            for (int i = 0; i < 10; i++) { // 10 s of junk: 5 s held, then nothing
                host.step(meter, Duration.ofSeconds(1));
            }
            hw.power(1, "power1_input", 100);
            host.step(meter, Duration.ofSeconds(1));
            host.clock.advance(Duration.ofSeconds(1));
            Measurement m = w.end();
            assertThat(m.wallJoules()).hasValueCloseTo(100.0 * (1 + 5 + 1), within(1e-6));
            assertThat(m.notes()).anySatisfy(n -> assertThat(n).contains("sensor hwmon: gap at").contains("not a number of microwatts"));
        }
    }

    @Test
    void graceModulePowerIsTheCpuComponentAndItsPartsAreNotAdded() throws Exception {
        Path sys = dir.resolve("sys");
        FakeHwmon hw = new FakeHwmon(sys);
        String[] labels = {"Module Power Socket 0", "Grace Power Socket 0", "CPU Power Socket 0", "SysIO Power Socket 0",
                "Module Power Socket 1"};
        double[] watts = {400, 150, 100, 30, 380};
        for (int i = 0; i < labels.length; i++) {
            hw.device(i, "power_meter", true).power(i, "power1_average", watts[i]).write(i, "power1_oem_info", labels[i] + "\n")
                    .write(i, "power1_average_interval", "50\n");
        }
        SensorEnvironment env = host.env(sys);
        Sensors.Selection sel = Sensors.select(env);
        assertThat(names(sel)).containsExactly("hwmon-module");
        try (Meter meter = Meter.manual(sel.sensors(), env)) {
            Window w = meter.window("w");
            for (int i = 0; i < 20; i++) {
                host.step(meter);
            }
            Measurement m = w.end();
            assertThat(m.energies()).extracting(ComponentEnergy::component, ComponentEnergy::device)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("module", "socket-0"), org.assertj.core.groups.Tuple.tuple("module", "socket-1"));
            assertThat(m.totalJoules()).isCloseTo((400 + 380) * 2, within(1e-6));
            assertThat(m.reconciliation()).isEmpty();
            assertThat(m.assumptions().get("hwmon_not_added")).contains("Grace Power Socket 0", "CPU Power Socket 0", "SysIO Power Socket 0");
        }
    }

    @Test
    void theMeterShowsButDoesNotAddWhatAModuleContains() throws Exception {
        Path sys = dir.resolve("sys");
        FakeHwmon hw = new FakeHwmon(sys).device(0, "power_meter", true);
        hw.power(0, "power1_average", 900).write(0, "power1_oem_info", "Module Power Socket 0\n");
        SensorEnvironment env = host.env(sys);
        Sensor module = new HwmonModuleProvider().open(env);
        dev.wattiq.meter.testing.ScriptedSensor gpu = new dev.wattiq.meter.testing.ScriptedSensor("gpu", Duration.ZERO);
        try (Meter meter = Meter.manual(List.of(module, gpu), env)) {
            Window w = meter.window("w");
            host.clock.advance(Duration.ofSeconds(1));
            gpu.set(600);
            meter.sampleNow();
            Measurement m = w.end();
            assertThat(m.totalJoules()).isCloseTo(900, within(1e-6));
            assertThat(m.joulesByComponent()).containsOnlyKeys("module");
            assertThat(m.assumptions().get("nested_not_added")).contains("gpu package-0 600.000 J", "inside hwmon-module");
            assertThat(meter.latestSample().totalWatts()).isCloseTo(900, within(1e-6));
        }
    }
}
