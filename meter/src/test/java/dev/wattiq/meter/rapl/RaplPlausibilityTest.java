package dev.wattiq.meter.rapl;

import dev.wattiq.meter.Measurement;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.Method;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.Sensors;
import dev.wattiq.meter.Window;
import dev.wattiq.meter.counter.CounterBounds;
import dev.wattiq.meter.testing.FakePowercap;
import dev.wattiq.meter.testing.FakeHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lying RAPL counters through the real sensor and meter on a fake sysfs tree: a counter that steps backwards without
 * a plausible wrap, or leaps, is a gap with a note naming the zone, and the window's energy is exactly the scripted
 * real deltas around it.
 */
class RaplPlausibilityTest {
    @TempDir
    Path dir;
    final FakeHost host = new FakeHost(() -> dir);

    @Test
    void aCounterSteppedBackwardsMidRunIsAGapNamingTheZoneNotEnergy() {
        // the probe: set back from 1.15e9 to 1.1e9 uJ on the real 262 kJ range, which was read as a wrap of 262 kJ
        FakePowercap f = new FakePowercap(dir.resolve("sys"), true)
                .zone("intel-rapl:0", "package-0", 1_000_000_000L).zone("intel-rapl:1", "package-1", 0);
        try (Meter meter = host.meter(f.sysfsRoot())) {
            Window w = meter.window("run");
            f.set("intel-rapl:0", 1_100_000_000L); // +100 J in 0.1 s: 1 kW, within 2 kW
            f.set("intel-rapl:1", 5_000_000);
            host.step(meter);
            f.set("intel-rapl:0", 1_150_000_000L); // +50 J
            f.set("intel-rapl:1", 10_000_000);
            host.step(meter);
            f.set("intel-rapl:0", 1_100_000_000L); // backwards: a gap
            f.set("intel-rapl:1", 15_000_000);
            host.step(meter);
            f.set("intel-rapl:0", 1_120_000_000L); // +20 J from the new value
            f.set("intel-rapl:1", 20_000_000);
            host.step(meter);
            Measurement m = w.end();
            assertThat(RaplSensorTest.microJoules(m, "cpu_package", "package-0")).isEqualTo(100_000_000 + 50_000_000 + 20_000_000);
            assertThat(RaplSensorTest.microJoules(m, "cpu_package", "package-1")).as("the other zone loses nothing").isEqualTo(20_000_000);
            assertThat(m.method()).isEqualTo(Method.MEASURED);
            assertThat(m.peakPowerWatts()).as("no megawatt peak").isCloseTo(1050, org.assertj.core.api.Assertions.within(1e-6));
            assertThat(m.notes()).singleElement().asString()
                    .startsWith("sensor rapl: gap at ")
                    .contains("RAPL zone intel-rapl:0 (package-0 cpu_package): counter went back from 1150000000 to 1100000000 uJ in 0.100 s",
                            "as a wrap (it tops out at " + FakePowercap.MAX_RANGE_UJ + ")", "above its bound of 2,000 W (stated bound for cpu_package",
                            "that interval is a gap, not energy", "its energy during the gap is missing")
                    .doesNotContain("\n");
            assertThat(((RaplSensor) meter.sensors().getFirst()).gaps()).containsEntry("intel-rapl:0", 1).containsEntry("intel-rapl:1", 0);
        }
    }

    @Test
    void theZonesOwnMaximumBoundsItAndALeapIsAGap() {
        FakePowercap f = new FakePowercap(dir.resolve("sys"), true).zone("intel-rapl:0", "package-0", 0).zone("intel-rapl:0:0", "dram", 0);
        f.write("intel-rapl:0", "constraint_0_max_power_uw", "125000000\n");
        f.write("intel-rapl:0", "constraint_1_max_power_uw", "0\n"); // 0, as some firmware writes: skipped
        f.write("intel-rapl:0", "constraint_2_max_power_uw", "not a number\n");
        try (Meter meter = host.meter(f.sysfsRoot())) {
            RaplSensor rapl = (RaplSensor) meter.sensors().getFirst();
            double headroom = CounterBounds.shipped().headroom();
            assertThat(rapl.bounds().get("intel-rapl:0").watts()).isEqualTo(125 * headroom);
            assertThat(rapl.bounds().get("intel-rapl:0").source()).contains("constraint_0_max_power_uw of intel-rapl:0 125 W");
            assertThat(rapl.bounds().get("intel-rapl:0:0").source()).startsWith("stated bound for dram");
            Window w = meter.window("run");
            f.set("intel-rapl:0", 30_000_000); // 300 W: within 3 x 125 W
            host.step(meter);
            f.set("intel-rapl:0", 30_000_000 + 40_000_000); // 400 W: beyond
            f.set("intel-rapl:0:0", 1_000_000);
            host.step(meter);
            f.set("intel-rapl:0", 90_000_000); // +20 J
            host.step(meter);
            Measurement m = w.end();
            assertThat(RaplSensorTest.microJoules(m, "cpu_package", "package-0")).isEqualTo(50_000_000);
            assertThat(RaplSensorTest.microJoules(m, "dram", "package-0")).isEqualTo(1_000_000);
            assertThat(m.notes()).singleElement().asString()
                    .contains("RAPL zone intel-rapl:0 (package-0 cpu_package): counter rose by 40000000 uJ in 0.100 s, 400 W, above its bound of 375 W");
        }
    }

    @Test
    void aPlausibleWrapIsStillEnergy() {
        long max = 262_143_328_850L;
        FakePowercap f = new FakePowercap(dir.resolve("sys"), true).zone("intel-rapl:0", "package-0", max, max - 10_000_000);
        try (Meter meter = host.meter(f.sysfsRoot())) {
            // through the top: 20 J in 0.1 s
            Measurement m = RaplSensorTest.onePoll(host, meter, f, Map.of("intel-rapl:0", 9_999_999L));
            assertThat(RaplSensorTest.microJoules(m, "cpu_package", "package-0")).isEqualTo(20_000_000);
            assertThat(m.notes()).isEmpty();
            assertThat(((RaplSensor) meter.sensors().getFirst()).wraps()).containsEntry("intel-rapl:0", 1);
        }
    }
}
