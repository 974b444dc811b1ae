package dev.wattiq.meter.amdsmi;

import dev.wattiq.meter.ComponentEnergy;
import dev.wattiq.meter.DeviceInfo;
import dev.wattiq.meter.ManualClock;
import dev.wattiq.meter.Measurement;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.Method;
import dev.wattiq.meter.Scope;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.Sensors;
import dev.wattiq.meter.Window;
import dev.wattiq.meter.testing.FakeProcfs;
import dev.wattiq.meter.testing.StubLibrary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * AMD GPUs through the real FFM binding against the stub libamd_smi.so (compiled by the test), with the stub's time and
 * the meter's clock moved together: both energy paths equal the scripted power x time.
 */
class AmdSmiSensorTest {
    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock();
    StubLibrary stub;
    long ms;

    static final String MI300X = "gpu 0 name=AMD_Instinct_MI300X uuid=1fff74a1-0000-1000-80d8-1de07a9b1b5b vram_total=206141652992"
            + " vram_used=1073741824 energy=counter resolution=15.3 cap_w=750 min_cap_w=0 max_cap_w=750";
    static final String MI210 = "gpu 1 name=AMD_Instinct_MI210 uuid=7cff74a1-0000-1000-80b7-a3d3b7e1e5a1 vram_total=68702699520"
            + " vram_used=0 energy=none power=average cap_w=300 min_cap_w=0 max_cap_w=300";

    SensorEnvironment env() {
        return SensorEnvironment.system().withClock(clock).withAmdSmiLibrary(Optional.of(stub.library()));
    }

    /** Moves stub time and the meter's clock to {@code t} ms, with these powers from then on. */
    void at(long t, int w0, int w1, String... extra) throws Exception {
        clock.advance(Duration.ofMillis(t - ms));
        ms = t;
        List<String> lines = new ArrayList<>(List.of("init ok", "time_ms " + t, MI300X + " power_w=" + w0, MI210 + " power_w=" + w1));
        lines.addAll(List.of(extra));
        stub.control(lines.toArray(String[]::new));
    }

    static double joules(Measurement m, String device) {
        return m.energies().stream().filter(e -> e.device().equals(device)).mapToDouble(ComponentEnergy::energyJoules).sum();
    }

    @Test
    void twoGpusOneWithAnAccumulatorOneWithoutBothExactToTheScript() throws Exception {
        stub = StubAmdSmi.create(dir, "init ok", "time_ms 0", MI300X + " power_w=500", MI210 + " power_w=200");
        SensorEnvironment env = env();
        Sensors.Selection sel = Sensors.select(env, List.of(new AmdSmiProvider()));
        assertThat(sel.skipped()).isEmpty();
        try (Meter meter = Meter.manual(sel.sensors(), env)) {
            Window w = meter.window("train");
            int[][] script = {{500, 200}, {650, 250}, {120, 60}, {750, 300}}; // each for 1.5 s, 100 ms steps
            double e0 = 0, e1 = 0;
            for (int phase = 0; phase < script.length; phase++) {
                for (int step = 1; step <= 15; step++) {
                    int[] next = step == 15 && phase + 1 < script.length ? script[phase + 1] : script[phase];
                    at(ms + 100, next[0], next[1]);
                    meter.sampleNow();
                }
                e0 += script[phase][0] * 1.5;
                e1 += script[phase][1] * 1.5;
            }
            Measurement m = w.end();
            assertThat(joules(m, "amd-gpu-0")).isCloseTo(e0, within(2 * 15.3e-6)); // the accumulator's resolution
            assertThat(joules(m, "amd-gpu-1")).isCloseTo(e1, within(1e-9));
            assertThat(m.energies()).extracting(ComponentEnergy::component).containsOnly("gpu");
            assertThat(m.energies()).filteredOn(e -> e.device().equals("amd-gpu-0")).extracting(ComponentEnergy::method).containsExactly(Method.MEASURED);
            assertThat(m.energies()).filteredOn(e -> e.device().equals("amd-gpu-1")).extracting(ComponentEnergy::method).containsExactly(Method.INTEGRATED);
            assertThat(m.assumptions().get("amd-gpu-0.energy_source")).startsWith("counter: AMD SMI energy accumulator").contains("15.3 µJ");
            assertThat(m.assumptions().get("amd-gpu-1.energy_source")).startsWith("integrated: this GPU has no energy accumulator")
                    .contains("average_socket_power");
            assertThat(m.notes()).isEmpty();
        }
    }

    @Test
    void aGpuThatVanishesMidRunIsAGapNotACrash() throws Exception {
        stub = StubAmdSmi.create(dir, "init ok", "time_ms 0", MI300X + " power_w=400", MI210 + " power_w=100");
        SensorEnvironment env = env();
        try (Meter meter = Meter.manual(Sensors.select(env, List.of(new AmdSmiProvider())).sensors(), env)) {
            Window w = meter.window("w");
            for (int i = 1; i <= 30; i++) {
                at(ms + 100, 400, 100, i > 10 ? "gpu 0 lost=1" : "#");
                meter.sampleNow();
            }
            Measurement m = w.end();
            assertThat(joules(m, "amd-gpu-0")).isCloseTo(400 * 1.0, within(1e-4)); // until it was lost at 1.1 s (read last at 1.0 s)
            assertThat(joules(m, "amd-gpu-1")).isCloseTo(100 * 3.0, within(1e-9));
            assertThat(m.notes()).singleElement().satisfies(n -> assertThat(n)
                    .contains("amd-gpu-0 (AMD Instinct MI300X) was lost at", "amdsmi_get_energy_count failed",
                            "AMDSMI_STATUS_NOT_FOUND", "the other GPUs are still measured"));
            Sensor s = meter.sensors().getFirst();
            assertThat(s.devices()).extracting(DeviceInfo::reason).first().asString().contains("was lost at");
        }
    }

    @Test
    void processScopeChargesTheTreeItsShareOfGraphicsEngineTime() throws Exception {
        FakeProcfs procfs = new FakeProcfs(dir.resolve("proc"), "AMD EPYC 9654 96-Core Processor", 2, 1 << 20);
        procfs.process(4000, 1, "job", 0, 0, 0, 0, 4001);
        procfs.process(4001, 4000, "worker", 0, 0, 0, 0);
        procfs.process(5000, 1, "other", 0, 0, 0, 0);
        String procs = "process 0 pid=4001 gfx=60 mem=1000\nprocess 0 pid=5000 gfx=20 mem=2000";
        stub = StubAmdSmi.create(dir, "init ok", "time_ms 0", MI300X + " power_w=400", MI210 + " power_w=100", procs);
        SensorEnvironment env = env().withProcfsRoot(procfs.root()).withScope(Scope.PROCESS, 4000);
        try (Meter meter = Meter.manual(Sensors.select(env, List.of(new AmdSmiProvider())).sensors(), env)) {
            Window w = meter.window("w");
            for (int i = 1; i <= 20; i++) {
                at(ms + 100, 400, 100, procs.split("\n"));
                meter.sampleNow();
            }
            Measurement m = w.end();
            ComponentEnergy g0 = m.energies().stream().filter(e -> e.device().equals("amd-gpu-0")).findFirst().orElseThrow();
            assertThat(g0.deviceJoules()).isCloseTo(800, within(1e-4));
            assertThat(g0.energyJoules()).isCloseTo(800 * 0.75, within(1e-3)); // 60 of 80 % of engine time
            assertThat(joules(m, "amd-gpu-1")).isZero(); // no process of the tree on it
            assertThat(m.assumptions().get("amd-gpu-0.attribution")).contains("graphics-engine time");
            assertThat(m.assumptions().get("amd-gpu-1.attribution")).contains("no process on the GPU");
        }
    }

    @Test
    void devicesListMemoryPowerCapsAndTheEnergySource() throws Exception {
        stub = StubAmdSmi.create(dir, "init ok", "time_ms 0", MI300X + " power_w=512", MI210 + " power_w=97");
        try (Sensor s = new AmdSmiProvider().open(env())) {
            List<DeviceInfo> d = s.devices();
            assertThat(d).extracting(DeviceInfo::name).containsExactly("AMD Instinct MI300X", "AMD Instinct MI210");
            assertThat(d.get(0).memoryTotalBytes()).isEqualTo(206141652992L);
            assertThat(d.get(0).memoryUsedBytes()).isEqualTo(1073741824L);
            assertThat(d.get(0).powerWatts()).isEqualTo(512.0);
            assertThat(d.get(0).powerLimitWatts()).isEqualTo(750.0);
            assertThat(d.get(0).energySource()).isEqualTo("counter");
            assertThat(d.get(0).uuid()).isEqualTo("1fff74a1-0000-1000-80d8-1de07a9b1b5b");
            assertThat(d.get(0).reason()).contains("power cap settable from 0 W to 750 W");
            assertThat(d.get(1).energySource()).isEqualTo("integrated");
            assertThat(d.get(1).powerWatts()).isEqualTo(97.0);
        }
    }

    @Test
    void anOlderLibraryWithoutTheAccumulatorOrProcessListIntegratesAndSaysSo() throws Exception {
        stub = StubAmdSmi.create(dir, StubAmdSmi.Build.NO_ENERGY_NO_PROCESSES, "init ok", "time_ms 0", MI300X + " power_w=300", MI210 + " power_w=100");
        try (Sensor s = new AmdSmiProvider().open(env())) {
            assertThat(s.assumptions().get("amd-gpu-0.energy_source"))
                    .startsWith("integrated: this AMD SMI library has no amdsmi_get_energy_count");
        }
    }

    @Test
    void failuresToStartAreOneLineWithTheFix() throws Exception {
        stub = StubAmdSmi.create(dir, "init no_perm");
        Sensors.Selection sel = Sensors.select(env(), List.of(new AmdSmiProvider()));
        assertThat(sel.sensors()).isEmpty();
        assertThat(sel.skipped()).singleElement().asString().startsWith("amd-smi: amdsmi_init failed: AMDSMI_STATUS_NO_PERM: Permission Denied (code 10):")
                .contains("'render' and 'video' groups");
        stub.control("init driver_not_loaded");
        assertThat(Sensors.select(env(), List.of(new AmdSmiProvider())).skipped()).singleElement().asString()
                .contains("load the amdgpu kernel driver (sudo modprobe amdgpu)");
        stub.control("init ok");
        assertThat(Sensors.select(env(), List.of(new AmdSmiProvider())).skipped()).singleElement().asString()
                .isEqualTo("amd-smi: AMD SMI (" + stub.library() + ") sees no AMD GPU: nothing to measure there");
        SensorEnvironment missing = env().withAmdSmiLibrary(Optional.of(dir.resolve("nope.so")));
        assertThat(Sensors.select(missing, List.of(new AmdSmiProvider())).skipped()).singleElement().asString()
                .isEqualTo("amd-smi: AMD SMI library " + dir.resolve("nope.so") + " not found: check the --amd-smi-library path, or leave it"
                        + " out to use ROCm's libamd_smi.so");
        assertThatThrownBy(() -> AmdSmi.open(Optional.of(dir.resolve("nope.so")))).isInstanceOf(AmdSmiException.class);
    }

    @Test
    void theBindingsStructLayoutsMatchTheCCompilers() throws Exception {
        stub = StubAmdSmi.create(dir, "init ok", MI300X + " power_w=1");
        try (AmdSmi smi = AmdSmi.open(Optional.of(stub.library()))) {
            assertThat(AmdSmiLayouts.ASIC_INFO.byteSize()).isEqualTo(smi.stubLayout(0)).isEqualTo(896);
            assertThat(AmdSmiLayouts.POWER_INFO.byteSize()).isEqualTo(smi.stubLayout(1));
            assertThat(AmdSmiLayouts.offset(AmdSmiLayouts.POWER_INFO, "current_socket_power")).isEqualTo(smi.stubLayout(2));
            assertThat(AmdSmiLayouts.offset(AmdSmiLayouts.POWER_INFO, "average_socket_power")).isEqualTo(smi.stubLayout(3));
            assertThat(AmdSmiLayouts.offset(AmdSmiLayouts.POWER_INFO, "power_limit")).isEqualTo(smi.stubLayout(4));
            assertThat(AmdSmiLayouts.POWER_CAP_INFO.byteSize()).isEqualTo(smi.stubLayout(5));
            assertThat(AmdSmiLayouts.offset(AmdSmiLayouts.POWER_CAP_INFO, "max_power_cap")).isEqualTo(smi.stubLayout(6));
            assertThat(AmdSmiLayouts.PROC_INFO.byteSize()).isEqualTo(smi.stubLayout(7)).isEqualTo(704);
            assertThat(AmdSmiLayouts.offset(AmdSmiLayouts.PROC_INFO, "pid")).isEqualTo(smi.stubLayout(8));
            assertThat(AmdSmiLayouts.offset(AmdSmiLayouts.PROC_INFO, "mem")).isEqualTo(smi.stubLayout(9));
            assertThat(AmdSmiLayouts.offset(AmdSmiLayouts.PROC_INFO, "engine_usage", "gfx")).isEqualTo(smi.stubLayout(10));
            assertThat(AmdSmiLayouts.offset(AmdSmiLayouts.PROC_INFO, "memory_usage", "vram_mem")).isEqualTo(smi.stubLayout(11));
        }
    }
}
