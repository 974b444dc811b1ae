package dev.wattiq.meter.rapl;

import dev.wattiq.meter.ComponentEnergy;
import dev.wattiq.meter.Measurement;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.Method;
import dev.wattiq.meter.Scope;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.Sensors;
import dev.wattiq.meter.Window;
import dev.wattiq.meter.testing.FakePowercap;
import dev.wattiq.meter.testing.FakeHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The RAPL sensor through the meter on fake sysfs trees and a manual clock: window energy equals the scripted
 * counter deltas exactly (compared in whole microjoules).
 */
class RaplSensorTest {
    @TempDir
    Path dir;
    final FakeHost host = new FakeHost(() -> dir);

    static long microJoules(Measurement m, String component, String device) {
        return m.energies().stream().filter(e -> e.component().equals(component) && e.device().equals(device))
                .mapToLong(e -> Math.round(e.energyJoules() * 1e6)).sum();
    }

    /** The window over one poll in which each zone's counter moves to the value given. */
    static Measurement onePoll(FakeHost host, Meter meter, FakePowercap f, Map<String, Long> to) {
        Window w = meter.window("w");
        to.forEach(f::set);
        host.step(meter);
        return w.end();
    }

    @Test
    void windowsEqualScriptedDeltasAndMayOverlapAndNest() throws Exception {
        FakePowercap f = new FakePowercap(dir.resolve("sys"), true)
                .zone("intel-rapl:0", "package-0", 1_000).zone("intel-rapl:0:0", "core", 77).zone("intel-rapl:0:1", "dram", 50);
        SensorEnvironment env = host.env(f.sysfsRoot());
        Sensors.Selection sel = Sensors.select(env);
        assertThat(sel.sensors()).singleElement().extracting(Sensor::name).isEqualTo("rapl");
        try (Meter meter = Meter.manual(sel.sensors(), env)) {
            Window outer = meter.window("outer");
            f.set("intel-rapl:0", 4_000_123);
            f.set("intel-rapl:0:1", 1_000_050);
            f.set("intel-rapl:0:0", 999_999_999); // core moves too, but is never added
            host.step(meter);
            Window inner = meter.window("inner");
            Window overlapping;
            f.set("intel-rapl:0", 9_000_000);
            host.step(meter);
            overlapping = meter.window("overlapping");
            f.set("intel-rapl:0", 9_500_000);
            f.set("intel-rapl:0:1", 1_200_000);
            host.step(meter);
            Measurement in = inner.end();
            f.set("intel-rapl:0", 10_000_000);
            host.step(meter);
            Measurement out = outer.end();
            Measurement ov = overlapping.end();
            assertThat(microJoules(out, "cpu_package", "package-0")).isEqualTo(10_000_000 - 1_000);
            assertThat(microJoules(out, "dram", "package-0")).isEqualTo(1_200_000 - 50);
            assertThat(out.joulesByComponent()).containsOnlyKeys("cpu_package", "dram");
            assertThat(microJoules(in, "cpu_package", "package-0")).isEqualTo(9_500_000 - 4_000_123);
            assertThat(microJoules(ov, "cpu_package", "package-0")).isEqualTo(10_000_000 - 9_000_000);
            assertThat(microJoules(ov, "dram", "package-0")).isEqualTo(1_200_000 - 1_000_050);
            assertThat(out.method()).isEqualTo(Method.MEASURED);
            assertThat(out.durationSeconds()).isEqualTo(0.4);
            assertThat(out.avgPowerWatts()).isCloseTo(out.totalJoules() / 0.4, within(1e-9));
            assertThat(out.peakPowerWatts()).isCloseTo(49.99877, within(1e-6)); // (9_000_000 - 4_000_123) uJ in 0.1 s
            assertThat(out.assumptions().get("rapl_domains")).isEqualTo("package-0 cpu_package (intel-rapl:0), package-0 dram (intel-rapl:0:1)");
            assertThat(out.assumptions().get("rapl_not_added")).contains("intel-rapl:0:0 (core): inside package-0");
            assertThat(out.idlePowerWatts()).isCloseTo(142.1 * 2 / 192, within(1e-9)); // cpu-power.csv row, 2 of 192 threads
            assertThat(meter.sensors().getFirst().devices()).singleElement().satisfies(d -> {
                assertThat(d.energySource()).isEqualTo("counter");
                assertThat(d.name()).isEqualTo("AMD EPYC 9654 96-Core Processor");
            });
        }
    }

    @Test
    void twoSocketsAreAdded() throws Exception {
        FakePowercap f = new FakePowercap(dir.resolve("sys"), false).zone("intel-rapl:0", "package-0", 0).zone("intel-rapl:1", "package-1", 0);
        try (Meter meter = host.meter(f.sysfsRoot())) {
            Measurement m = onePoll(host, meter, f, Map.of("intel-rapl:0", 3_000_000L, "intel-rapl:1", 2_000_000L));
            assertThat(microJoules(m, "cpu_package", "package-0")).isEqualTo(3_000_000);
            assertThat(microJoules(m, "cpu_package", "package-1")).isEqualTo(2_000_000);
            assertThat(Math.round(m.totalJoules() * 1e6)).isEqualTo(5_000_000);
            assertThat(meter.sensors().getFirst().devices()).hasSize(2);
        }
    }

    @Test
    void psysAloneIsCounted() throws Exception {
        FakePowercap f = new FakePowercap(dir.resolve("sys"), true).zone("intel-rapl:0", "package-0", 0).zone("intel-rapl:1", "psys", 0);
        SensorEnvironment env = host.env(f.sysfsRoot());
        try (Meter meter = FakeHost.selected(env)) {
            Measurement m = onePoll(host, meter, f, Map.of("intel-rapl:0", 3_000_000L, "intel-rapl:1", 7_000_000L));
            assertThat(m.joulesByComponent()).containsOnlyKeys("psys");
            assertThat(microJoules(m, "psys", "machine")).isEqualTo(7_000_000);
        }
    }

    private void wrapRun(int wraps) throws Exception {
        long max = 1_000_000;
        FakePowercap f = new FakePowercap(dir.resolve("sys" + wraps), true).zone("intel-rapl:0", "package-0", max, 900_000);
        try (Meter meter = host.meter(f.sysfsRoot())) {
            Window w = meter.window("w");
            long raw = 900_000;
            long scripted = 0;
            int steps = wraps * 4;
            for (int i = 0; i < steps; i++) {
                long delta = 250_000 + i; // under one range per poll, as the meter's polling guarantees
                scripted += delta;
                raw = (raw + delta) % (max + 1);
                f.set("intel-rapl:0", raw);
                host.step(meter);
            }
            Measurement m = w.end();
            assertThat(microJoules(m, "cpu_package", "package-0")).isEqualTo(scripted);
            assertThat(((RaplSensor) meter.sensors().getFirst()).wraps()).containsEntry("intel-rapl:0", wraps);
        }
    }

    @Test
    void counterWrapsOnce() throws Exception {
        wrapRun(1);
    }

    @Test
    void counterWrapsThreeTimes() throws Exception {
        wrapRun(3);
    }

    @Test
    void unreadableEnergyFileFallsBackToEstimationWithTheFix() throws Exception {
        // Tests run as root, who can read any file whatever its mode; an energy_uj that is a directory fails the read
        // for root too (EISDIR), which exercises the same open-time check a non-root user's EACCES does.
        FakePowercap f = new FakePowercap(dir.resolve("sys"), true).zone("intel-rapl:0", "package-0", 0);
        Path energy = f.dir("intel-rapl:0").resolve("energy_uj");
        Files.delete(energy);
        Files.createDirectory(energy);
        SensorEnvironment env = host.env(f.sysfsRoot());
        Sensors.Selection sel = Sensors.select(env);
        assertThat(sel.sensors()).singleElement().extracting(Sensor::name).isEqualTo("cpu-estimate");
        assertThat(sel.skipped()).singleElement().asString()
                .startsWith("rapl: cannot read " + dir.resolve("sys/class/powercap/intel-rapl:0/energy_uj"))
                .contains("root-only since Linux 5.10", "run wattiq as root", "chmod o+r", "udev rule", "CAP_DAC_READ_SEARCH",
                        "falling back to estimation")
                .doesNotContain("\n");
        sel.sensors().forEach(Sensor::close);
    }

    @Test
    void processScopeWithAMissingProcessFallsBackWithAReason() throws Exception {
        FakePowercap f = new FakePowercap(dir.resolve("sys"), true).zone("intel-rapl:0", "package-0", 0);
        SensorEnvironment env = host.env(f.sysfsRoot()).withScope(Scope.PROCESS, 4242);
        Sensors.Selection sel = Sensors.select(env, List.of(new RaplProvider()));
        assertThat(sel.sensors()).isEmpty();
        assertThat(sel.skipped()).singleElement().asString()
                .contains("rapl: process scope cannot follow the process tree", "process 4242 not found", "check --procfs-root");
    }

    @Test
    void permissionDeniedMessageSaysSo() {
        String msg = RaplProvider.unreadable(Path.of("/sys/class/powercap/intel-rapl:0/energy_uj"), Path.of("/sys/class/powercap"),
                new java.nio.file.AccessDeniedException("/sys/class/powercap/intel-rapl:0/energy_uj"));
        assertThat(msg).startsWith("rapl: cannot read /sys/class/powercap/intel-rapl:0/energy_uj (permission denied): ");
    }

    @Test
    void zoneVanishingMidRunIsAGapAndTheRestGoesOn() throws Exception {
        FakePowercap f = new FakePowercap(dir.resolve("sys"), true).zone("intel-rapl:0", "package-0", 0).zone("intel-rapl:1", "package-1", 0);
        try (Meter meter = host.meter(f.sysfsRoot())) {
            Window w = meter.window("w");
            f.set("intel-rapl:0", 1_000_000);
            f.set("intel-rapl:1", 2_000_000);
            host.step(meter);
            try (Stream<Path> s = Files.walk(f.dir("intel-rapl:1"))) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            f.set("intel-rapl:0", 1_500_000);
            host.clock.advance(Duration.ofNanos(RaplSensor.CHECK_NANOS)); // zone directories are checked once a second
            host.step(meter); // the gap
            f.set("intel-rapl:0", 2_500_000);
            host.step(meter);
            Measurement m = w.end();
            assertThat(microJoules(m, "cpu_package", "package-0")).isEqualTo(2_500_000);
            assertThat(microJoules(m, "cpu_package", "package-1")).isEqualTo(2_000_000);
            assertThat(m.notes()).singleElement().asString()
                    .contains("sensor rapl: gap at", "RAPL zone intel-rapl:1 (package-1 cpu_package)", "vanished", "energy during the gap is missing");

            // the zone comes back with another value: it resumes from there, the unknown stretch is not invented
            f.zone("intel-rapl:1", "package-1", 40_000_000);
            host.clock.advance(Duration.ofNanos(RaplSensor.CHECK_NANOS)); // ... and a lost zone is looked for again as often
            Window after = meter.window("after");
            host.step(meter);
            f.set("intel-rapl:1", 40_300_000);
            host.step(meter);
            Measurement m2 = after.end();
            assertThat(microJoules(m2, "cpu_package", "package-1")).isEqualTo(300_000);
        }
    }

    @Test
    void processScopeChargesEachDeltaAtTheTreeShare() throws Exception {
        FakePowercap f = new FakePowercap(dir.resolve("sys"), true).zone("intel-rapl:0", "package-0", 0);
        SensorEnvironment base = host.env(f.sysfsRoot());
        host.procfs().machine(1000, 0);
        host.procfs().process(4242, 1, "python3", 100, 0, 0, 0);
        SensorEnvironment env = base.withScope(Scope.PROCESS, 4242);
        try (Meter meter = FakeHost.selected(env)) {
            Window w = meter.window("w");
            f.set("intel-rapl:0", 1_000_000);
            host.procfs().machine(1100, 0);
            host.procfs().process(4242, 1, "python3", 125, 0, 0, 0); // 25 of 100 busy ticks
            host.step(meter);
            f.set("intel-rapl:0", 3_000_000); // no busy tick this time: the energy waits
            host.step(meter);
            f.set("intel-rapl:0", 3_500_000);
            host.procfs().machine(1200, 0);
            host.procfs().process(4242, 1, "python3", 225, 0, 0, 0); // 100 of 100
            host.step(meter);
            Measurement m = w.end();
            ComponentEnergy pkg = m.energies().getFirst();
            assertThat(Math.round(pkg.deviceJoules() * 1e6)).isEqualTo(3_500_000);
            assertThat(pkg.energyJoules()).isCloseTo(0.25 * 1.0 + 1.0 * 2.5, within(1e-9));
            assertThat(m.scope()).isEqualTo(Scope.PROCESS);
            assertThat(m.assumptions()).containsKey("attribution");
        }
    }
}
