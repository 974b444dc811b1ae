package dev.wattiq.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.RunStart;
import dev.wattiq.meter.ComponentEnergy;
import dev.wattiq.meter.DeviceInfo;
import dev.wattiq.meter.EnergyCounter;
import dev.wattiq.meter.Measurement;
import dev.wattiq.meter.Method;
import dev.wattiq.meter.Scope;
import dev.wattiq.meter.Sensor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a measurement becomes a run record: device names joined by id, notes on how the figures were obtained. */
class RunResultsTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
    private static final RunStart START = new RunStart("r1", List.of("python", "train.py"), T0, "process", 0.1, Map.of("k", "v"), "j1",
            "host", 1, null, "measured");

    /** A sensor as a GPU library would present its devices (what NVML reports, not how). */
    private static Sensor sensorWithDevices(List<DeviceInfo> devices) {
        return new Sensor() {
            public String name() {
                return "fake-hw";
            }

            public List<EnergyCounter> poll() {
                return List.of();
            }

            public List<DeviceInfo> devices() {
                return devices;
            }
        };
    }

    private static Measurement measurement(List<ComponentEnergy> energies) {
        return new Measurement("r1", T0, Duration.ofSeconds(2), Scope.PROCESS, energies, 50, 80, 30, 20, Map.of("a", "b"), List.of("short"));
    }

    @Test
    void devicesGetNamesAndUuidsByKindAndIndex() {
        Sensor s = sensorWithDevices(List.of(
                new DeviceInfo("gpu", 1, "NVIDIA H100", "GPU-abc", -1, -1, Double.NaN, Double.NaN, "counter", "x"),
                new DeviceInfo("cpu", 0, "AMD EPYC 9654", null, -1, -1, Double.NaN, Double.NaN, "counter", "x")));
        Measurement m = measurement(List.of(
                new ComponentEnergy("cpu_package", "package-0", 40, 60, Method.MEASURED),
                new ComponentEnergy("gpu", "gpu-1", 55, 55, Method.MEASURED),
                new ComponentEnergy("gpu", "gpu-0", 5, 5, Method.INTEGRATED)));
        RunRecord r = RunResults.finished(START, m, List.of(s), List.of(), 0, T0.plusSeconds(2), Duration.ofMillis(2010), false);
        assertThat(r.devices()).extracting(RunRecord.DeviceEnergy::name).containsExactly("AMD EPYC 9654", "NVIDIA H100", null);
        assertThat(r.devices()).extracting(RunRecord.DeviceEnergy::uuid).containsExactly(null, "GPU-abc", null);
        assertThat(r.devices().get(0).deviceEnergyJoules()).isEqualTo(60);
        assertThat(r.totalJoules()).isEqualTo(100);
        assertThat(r.joulesByComponent()).containsExactly(Map.entry("cpu_package", 40.0), Map.entry("gpu", 60.0));
        assertThat(r.method()).isEqualTo("integrated");
        assertThat(r.durationSeconds()).isEqualTo(2.01);
        assertThat(r.idlePowerWatts()).isEqualTo(30);
        assertThat(r.notes()).containsExactly("short");
    }

    @Test
    void estimateSaysWhyWithTheSkippedProvidersReason() {
        Sensor s = sensorWithDevices(List.of());
        Measurement m = measurement(List.of(new ComponentEnergy("cpu", "machine", 10, 20, Method.ESTIMATED)));
        RunRecord r = RunResults.finished(START, m, List.of(s), List.of("rapl: cannot read /sys/class/powercap/intel-rapl:0/energy_uj"), 0,
                T0, Duration.ofSeconds(2), false);
        assertThat(r.notes()).contains("estimated: no hardware energy counter readable (rapl: cannot read /sys/class/powercap/intel-rapl:0/energy_uj)");
    }

    @Test
    void mixedMethodsNameWhichComponentsAreEstimatedAndWhichMeasured() {
        // As seen on an H200 VM: the GPU measured by NVML's counter, CPU and memory estimated (no RAPL in the VM).
        Sensor s = sensorWithDevices(List.of());
        Measurement m = measurement(List.of(
                new ComponentEnergy("cpu", "machine", 441, 441, Method.ESTIMATED),
                new ComponentEnergy("memory", "machine", 1457, 1457, Method.ESTIMATED),
                new ComponentEnergy("gpu", "gpu-0", 13841, 13841, Method.MEASURED)));
        RunRecord r = RunResults.finished(START, m, List.of(s), List.of(), 0, T0, Duration.ofSeconds(30), false);
        assertThat(r.method()).isEqualTo("estimated");
        assertThat(r.notes()).containsExactly("short", "estimated: cpu, memory (no hardware energy counter readable for them); measured: gpu");
        RunRecord why = RunResults.finished(START, m, List.of(s), List.of("rapl: no powercap zones"), 0, T0, Duration.ofSeconds(30), false);
        assertThat(why.notes()).containsExactly("short",
                "estimated: cpu, memory (no hardware energy counter readable for them: rapl: no powercap zones); measured: gpu");
    }

    @Test
    void noSensorAtAllIsSaidAndIdleIsUnknown() {
        Measurement m = measurement(List.of());
        RunRecord r = RunResults.finished(START, m, List.of(), List.of("cpu-estimate: cannot read procfs"), 0, T0, Duration.ofSeconds(2), false);
        assertThat(r.method()).isNull();
        assertThat(r.idlePowerWatts()).isNaN();
        assertThat(r.notes()).anyMatch(n -> n.startsWith("no sensor available") && n.contains("cpu-estimate: cannot read procfs"));
        RunRecord quick = RunResults.finished(START, m, List.of(), List.of("x: gone"), 0, T0, Duration.ofMillis(1), true);
        assertThat(quick.notes()).anyMatch(n -> n.startsWith("too short: the command ended before its sensors could open"));
        assertThat(quick.tooShort()).singleElement().asString().startsWith("the command ended before its sensors could open");
        assertThat(quick.chargedJoulesOrNaN()).as("0 J is no value").isNaN();
        assertThat(r.tooShort()).isEmpty();
    }
}
