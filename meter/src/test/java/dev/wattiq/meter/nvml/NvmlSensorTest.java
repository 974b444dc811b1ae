package dev.wattiq.meter.nvml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wattiq.meter.ComponentEnergy;
import dev.wattiq.meter.DeviceInfo;
import dev.wattiq.meter.ManualClock;
import dev.wattiq.meter.Measurement;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.Method;
import dev.wattiq.meter.Scope;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.Window;
import dev.wattiq.meter.testing.StubLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GPU sensor end to end: the real FFM path against the stub NVML, driven by a manual clock that the stub's
 * time follows, so every figure is exact.
 */
class NvmlSensorTest {
    static final String H100 = NvmlBindingTest.H100;
    static final String P100 = NvmlBindingTest.P100;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();
    private StubLibrary stub;
    private List<String> lines;

    private SensorEnvironment env(String... control) throws Exception {
        lines = new ArrayList<>(List.of(control));
        stub = StubNvml.create(dir, at(0));
        return SensorEnvironment.system().withNvmlLibrary(Optional.of(stub.library())).withClock(clock);
    }

    private String[] at(long ms) {
        List<String> all = new ArrayList<>(lines);
        all.addFirst("time_ms " + ms);
        return all.toArray(String[]::new);
    }

    /** Moves both clocks to {@code ms} in steps of {@code stepMs}, sampling the meter at each step. */
    private void runTo(Meter meter, long fromMs, long toMs, long stepMs) throws Exception {
        for (long t = fromMs + stepMs; t <= toMs; t += stepMs) {
            clock.advance(Duration.ofMillis(stepMs));
            stub.control(at(t));
            meter.sampleNow();
        }
    }

    private static ComponentEnergy energyOf(Measurement m, String device) {
        return m.energies().stream().filter(e -> e.device().equals(device)).findFirst().orElseThrow();
    }

    private Sensor open(SensorEnvironment env) throws Exception {
        return new NvmlSensorProvider().open(env);
    }

    /** A manual meter over the NVML sensor opened on {@code env} (closing the meter closes the sensor). */
    private Meter meter(SensorEnvironment env) throws Exception {
        return Meter.manual(List.of(open(env)), env);
    }

    @Test
    void counterIsExactAndAGpuWithoutCounterIsIntegratedAndSeveralGpusAreSummed() throws Exception {
        SensorEnvironment env = env(H100, P100);
        try (Meter meter = meter(env)) {
            Window w = meter.window("train");
            runTo(meter, 0, 2000, 100);
            Measurement m = w.end();
            assertThat(energyOf(m, "gpu-0")).isEqualTo(new ComponentEnergy("gpu", "gpu-0", 600.0, 600.0, Method.MEASURED));
            assertThat(energyOf(m, "gpu-1").method()).isEqualTo(Method.INTEGRATED);
            assertThat(energyOf(m, "gpu-1").energyJoules()).isCloseTo(200.0, within(1e-9));
            assertThat(m.joulesByComponent().get("gpu")).isCloseTo(800.0, within(1e-9));
            assertThat(m.method()).isEqualTo(Method.INTEGRATED);
            assertThat(m.assumptions().get("gpu-0.energy_source")).startsWith("counter: NVML total energy counter");
            assertThat(m.assumptions().get("gpu-1.energy_source"))
                    .startsWith("integrated: this GPU has no energy counter (NVML_ERROR_NOT_SUPPORTED")
                    .contains("a ~1 s average");
        }
    }

    @Test
    void integratedPowerFollowsAPowerStep() throws Exception {
        String p100 = P100.replace("device 1", "device 0");
        SensorEnvironment env = env(p100);
        try (Meter meter = meter(env)) {
            Window w = meter.window("step");
            runTo(meter, 0, 1000, 100);
            lines.set(0, p100.replace("power_mw=100000", "power_mw=200000"));
            runTo(meter, 1000, 2000, 100);
            // trapezoid: 100 W for 1 s, one 100 ms step ramping 100 -> 200 W, then 200 W for 0.9 s
            assertThat(energyOf(w.end(), "gpu-0").energyJoules()).isCloseTo(100 + 15 + 180, within(1e-9));
        }
    }

    @Test
    void aGpuLostMidRunLeavesAMarkedGapAndTheOtherGpuGoesOn() throws Exception {
        SensorEnvironment env = env(H100, P100);
        try (Sensor s = open(env); Meter meter = Meter.manual(List.of(s), env)) {
            Window w = meter.window("run");
            runTo(meter, 0, 1000, 100);
            lines.set(1, P100 + " lost=1");
            runTo(meter, 1000, 2000, 100);
            Measurement m = w.end();
            assertThat(energyOf(m, "gpu-0").energyJoules()).as("the healthy GPU loses nothing").isEqualTo(600.0);
            assertThat(energyOf(m, "gpu-1").energyJoules()).as("energy up to the loss").isCloseTo(100.0, within(1e-9));
            assertThat(m.notes()).anySatisfy(n -> assertThat(n).contains("sensor nvml: gap at")
                    .contains("gpu-1 (Tesla P100-PCIE-16GB) was lost").contains("NVML_ERROR_GPU_IS_LOST").contains("the other GPUs are still measured"));
            assertThat(m.assumptions().get("gpu-1.status")).contains("was lost");
            DeviceInfo lost = s.devices().get(1);
            assertThat(lost.reason()).contains("was lost");
            assertThat(lost.powerWatts()).isNaN();

            Window after = meter.window("after");
            runTo(meter, 2000, 3000, 100);
            Measurement later = after.end();
            assertThat(energyOf(later, "gpu-0").energyJoules()).isEqualTo(300.0);
            assertThat(later.notes()).as("the loss was reported once; later samples succeed").isEmpty();
        }
    }

    @Test
    void aCounterThatGoesBackOrLeapsMidRunIsAGapNamingTheGpu() throws Exception {
        SensorEnvironment env = env(H100, P100);
        try (Meter meter = meter(env)) {
            Window w = meter.window("run");
            runTo(meter, 0, 1000, 100); // 300 W: 300 J
            lines.set(0, H100 + " set_mj=1:1000"); // the driver reloaded: the counter restarts near zero
            runTo(meter, 1000, 2000, 100); // the reset interval is a gap; then 300 W again: 270 J
            lines.set(0, H100 + " set_mj=2:900000000"); // a leap of about 900 MJ in 0.1 s
            runTo(meter, 2000, 3000, 100); // the leap is a gap; then 270 J
            Measurement m = w.end();
            assertThat(energyOf(m, "gpu-0").energyJoules()).as("the scripted real deltas, nothing from the reset or the leap")
                    .isCloseTo(300 + 270 + 270, within(1e-9));
            assertThat(energyOf(m, "gpu-1").energyJoules()).as("the other GPU loses nothing").isCloseTo(300.0, within(1e-9));
            assertThat(m.notes()).hasSize(1).first().asString().startsWith("sensor nvml: gap at ")
                    .contains("gpu-0 (NVIDIA H100 80GB HBM3): counter went back from", "this counter does not wrap, so it was reset");
            // a window that sees only the leap names it too (a gap is noted once per window and GPU)
            lines.set(0, H100 + " set_mj=3:1900000000");
            Window later = meter.window("later");
            runTo(meter, 3000, 4100, 100); // longer than the P100's 1 s power average, so the window is not flagged short
            assertThat(later.end().notes()).singleElement().asString()
                    .contains("gpu-0 (NVIDIA H100 80GB HBM3): counter rose by", "above its bound of 2,100 W (3 x the largest power limit NVML allows");
        }
    }

    @Test
    void aGpuAlreadyLostAtOpenIsListedButNotMeasured() throws Exception {
        SensorEnvironment env = env(H100, P100 + " lost=1");
        try (Sensor s = open(env); Meter meter = Meter.manual(List.of(s), env)) {
            Window w = meter.window("run");
            runTo(meter, 0, 1000, 100);
            Measurement m = w.end();
            assertThat(m.energies()).extracting(ComponentEnergy::device).containsExactly("gpu-0");
            assertThat(m.totalJoules()).isEqualTo(300.0);
            assertThat(s.devices().get(1).energySource()).isEqualTo("none");
            assertThat(m.assumptions().get("gpu-1.status")).contains("already lost when measuring started");
        }
    }

    @Test
    void windowsShorterThanTheCounterUpdateAreFlagged() throws Exception {
        SensorEnvironment env = env(H100);
        try (Sensor s = open(env); Meter meter = Meter.manual(List.of(s), env)) {
            assertThat(s.updatePeriod()).isEqualTo(Duration.ofMillis(100));
            Window shortOne = meter.window("short");
            runTo(meter, 0, 50, 50);
            assertThat(shortOne.end().notes()).anySatisfy(n -> assertThat(n).contains("window of 50 ms is shorter").contains("100 ms"));
            Window longOne = meter.window("long");
            runTo(meter, 50, 250, 100);
            assertThat(longOne.end().notes()).isEmpty();
        }
    }

    @Test
    void integratingGpusMakeWindowsUnderASecondUnreliable() throws Exception {
        SensorEnvironment env = env(P100.replace("device 1", "device 0"));
        try (Sensor s = open(env)) {
            assertThat(s.updatePeriod()).isEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void processScopeChargesTheTreeItsShareOfUtilisationAndNothingOnAGpuItDidNotUse() throws Exception {
        Path proc = Files.createDirectories(dir.resolve("proc"));
        stat(proc, 100, 1, "bash");
        stat(proc, 4242, 100, "python3 (train)");
        stat(proc, 999, 1, "other");
        SensorEnvironment env = env(H100, P100, "process 0 pid=4242 sm=60 mem=1", "process 0 pid=999 sm=20 mem=1")
                .withProcfsRoot(proc).withScope(Scope.PROCESS, 100);
        try (Meter meter = meter(env)) {
            Window w = meter.window("run");
            runTo(meter, 0, 2000, 100);
            Measurement m = w.end();
            ComponentEnergy g0 = energyOf(m, "gpu-0");
            assertThat(g0.deviceJoules()).isEqualTo(600.0);
            assertThat(g0.energyJoules()).as("60 of 80 SM-percent").isCloseTo(450.0, within(1e-9));
            assertThat(energyOf(m, "gpu-1").energyJoules()).as("the tree never touched gpu-1").isZero();
            assertThat(energyOf(m, "gpu-1").deviceJoules()).isCloseTo(200.0, within(1e-9));
            assertThat(m.assumptions().get("gpu-0.attribution")).isEqualTo("by per-process SM utilisation samples");
            assertThat(m.assumptions().get("gpu.attribution")).contains("pid 100");
        }
    }

    @Test
    void withoutUtilisationSamplesTheShareOfComputeProcessesIsCharged() throws Exception {
        Path proc = Files.createDirectories(dir.resolve("proc"));
        stat(proc, 100, 1, "bash");
        stat(proc, 4242, 100, "python3");
        SensorEnvironment env = env(H100 + " proc_util=none", "process 0 pid=4242 sm=60 mem=1", "process 0 pid=999 sm=20 mem=1")
                .withProcfsRoot(proc).withScope(Scope.PROCESS, 100);
        try (Meter meter = meter(env)) {
            Window w = meter.window("run");
            runTo(meter, 0, 1000, 100);
            Measurement m = w.end();
            assertThat(energyOf(m, "gpu-0").energyJoules()).isCloseTo(150.0, within(1e-9));
            assertThat(m.assumptions().get("gpu-0.attribution")).startsWith("by share of compute processes");
        }
    }

    @Test
    void aMigGpuIsCountedOnceAndSaysSo() throws Exception {
        SensorEnvironment env = env(H100 + " mig=1", "process 0 pid=7 sm=50 mem=1", "process 0 pid=8 sm=50 mem=1");
        try (Sensor s = open(env); Meter meter = Meter.manual(List.of(s), env)) {
            Window w = meter.window("mig");
            runTo(meter, 0, 1000, 100);
            Measurement m = w.end();
            assertThat(m.energies()).hasSize(1);
            assertThat(m.totalJoules()).isEqualTo(300.0);
            assertThat(m.assumptions().get("gpu-0.mig")).contains("counted once");
            assertThat(s.devices().getFirst().reason()).contains("MIG mode");
        }
    }

    @Test
    void anOldLibraryWithoutTheEnergySymbolIntegrates() throws Exception {
        lines = new ArrayList<>(List.of(H100));
        stub = StubNvml.create(dir, true, at(0));
        SensorEnvironment env = SensorEnvironment.system().withNvmlLibrary(Optional.of(stub.library())).withClock(clock);
        try (Sensor s = open(env); Meter meter = Meter.manual(List.of(s), env)) {
            Window w = meter.window("old");
            runTo(meter, 0, 1000, 100);
            ComponentEnergy e = energyOf(w.end(), "gpu-0");
            assertThat(e.method()).isEqualTo(Method.INTEGRATED);
            assertThat(e.energyJoules()).isCloseTo(300.0, within(1e-9));
            assertThat(s.devices().getFirst().reason()).contains("has no nvmlDeviceGetTotalEnergyConsumption");
        }
    }

    @Test
    void devicesDescribeEachGpu() throws Exception {
        SensorEnvironment env = env(H100, P100);
        try (Sensor s = open(env)) {
            List<DeviceInfo> d = s.devices();
            assertThat(d).hasSize(2);
            DeviceInfo h = d.getFirst();
            assertThat(h).extracting(DeviceInfo::kind, DeviceInfo::index, DeviceInfo::name, DeviceInfo::uuid,
                            DeviceInfo::memoryTotalBytes, DeviceInfo::memoryUsedBytes, DeviceInfo::powerWatts,
                            DeviceInfo::powerLimitWatts, DeviceInfo::energySource)
                    .containsExactly("gpu", 0, "NVIDIA H100 80GB HBM3", "GPU-0a1b2c3d", 85899345920L, 1073741824L, 300.0, 700.0, "counter");
            assertThat(h.reason()).contains("power limit settable from 200 W to 700 W");
            assertThat(d.get(1).energySource()).isEqualTo("integrated");
        }
    }

    @Test
    void realTimeEndToEndWithTheSamplerThread() throws Exception {
        stub = StubNvml.create(dir, H100);
        SensorEnvironment env = SensorEnvironment.system().withNvmlLibrary(Optional.of(stub.library()));
        try (Sensor s = open(env); Meter meter = Meter.start(List.of(s), env, Duration.ofMillis(20))) {
            Window w = meter.window("real");
            long until = System.nanoTime() + 400_000_000L;
            while (System.nanoTime() < until) Thread.onSpinWait();
            Measurement m = w.end();
            assertThat(m.samples()).as("power samples span the 100 ms counter update").isGreaterThanOrEqualTo(2);
            assertThat(m.totalJoules() / m.durationSeconds()).as("average power of a 300 W GPU").isCloseTo(300.0, within(15.0));
        }
    }

    private static void stat(Path proc, long pid, long ppid, String comm) throws Exception {
        Path d = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(d.resolve("stat"), pid + " (" + comm + ") S " + ppid + " " + pid + " " + pid + " 0 -1 4194560 0 0 0 0 0 0\n");
    }
}
