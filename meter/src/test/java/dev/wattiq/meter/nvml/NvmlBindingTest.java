package dev.wattiq.meter.nvml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wattiq.meter.nvml.NvmlTypes.ComputeProcess;
import dev.wattiq.meter.nvml.NvmlTypes.ProcessSample;
import dev.wattiq.meter.testing.StubLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FFM binding against the stub libnvidia-ml.so: signatures, struct layouts, capabilities and error mapping. */
class NvmlBindingTest {
    static final String H100 = "device 0 name=NVIDIA_H100_80GB_HBM3 uuid=GPU-0a1b2c3d mem_total=85899345920 mem_used=1073741824"
            + " power_mw=300000 limit_mw=700000 min_mw=200000 max_mw=700000 util=80 energy0_mj=5000000";
    static final String P100 = "device 1 name=Tesla_P100-PCIE-16GB uuid=GPU-9f8e7d6c mem_total=17179869184 mem_used=0"
            + " power_mw=100000 limit_mw=250000 energy=none";

    @TempDir
    Path dir;

    @Test
    void readsEveryQueryThroughTheRealLayouts() throws Exception {
        StubLibrary stub = StubNvml.create(dir, "time_ms 0", H100, P100,
                "process 0 pid=4242 sm=60 mem=1048576", "process 0 pid=999 sm=20 mem=2097152");
        try (Nvml nvml = Nvml.open(Optional.of(stub.library()))) {
            assertThat(nvml.deviceCount()).isEqualTo(2);
            Nvml.Device d = nvml.device(0);
            assertThat(d.id()).isEqualTo("gpu-0");
            assertThat(nvml.name(d)).contains("NVIDIA H100 80GB HBM3");
            assertThat(nvml.uuid(d)).contains("GPU-0a1b2c3d");
            assertThat(nvml.memory(d)).contains(new NvmlTypes.Memory(85899345920L, 85899345920L - 1073741824L, 1073741824L));
            assertThat(nvml.powerMilliwatts(d)).hasValue(300000);
            assertThat(nvml.enforcedPowerLimitMilliwatts(d)).hasValue(700000);
            assertThat(nvml.powerLimitRange(d)).contains(new NvmlTypes.PowerLimitRange(200000, 700000));
            assertThat(nvml.utilization(d)).contains(new NvmlTypes.Utilization(80, 40));
            assertThat(nvml.migMode(d)).hasValue(0);
            assertThat(nvml.totalEnergyMillijoules(d)).hasValue(5_000_000);
            assertThat(nvml.computeProcesses(d)).contains(List.of(
                    new ComputeProcess(4242, 1048576, -1, -1), new ComputeProcess(999, 2097152, -1, -1)));
            List<ProcessSample> samples = nvml.processSamples(d, 0).orElseThrow();
            assertThat(samples).extracting(ProcessSample::pid).containsExactly(4242L, 999L);
            assertThat(samples).extracting(ProcessSample::smPercent).containsExactly(60, 20);
            long seen = samples.getFirst().timestampMicros();
            assertThat(nvml.processSamples(d, seen)).as("nothing newer than what was seen").contains(List.of());

            stub.control("time_ms 1000", H100, P100);
            assertThat(nvml.totalEnergyMillijoules(d)).as("300 W for 1 s").hasValue(5_300_000);
            assertThat(nvml.computeProcesses(d)).contains(List.of());
        }
    }

    @Test
    void aNullBufferAnsweredWithSuccessAndACountStillGetsTheList() throws Exception {
        StubLibrary stub = StubNvml.create(dir, "time_ms 0", H100 + " count_query=success", "process 0 pid=4242 sm=60 mem=1");
        try (Nvml nvml = Nvml.open(Optional.of(stub.library()))) {
            Nvml.Device d = nvml.device(0);
            assertThat(nvml.computeProcesses(d).orElseThrow()).extracting(ComputeProcess::pid).containsExactly(4242L);
            assertThat(nvml.processSamples(d, 0).orElseThrow()).extracting(ProcessSample::smPercent).containsExactly(60);
        }
    }

    @Test
    void aGpuWithoutEnergyCounterSaysSoInsteadOfFailing() throws Exception {
        StubLibrary stub = StubNvml.create(dir, "time_ms 0", H100, P100);
        try (Nvml nvml = Nvml.open(Optional.of(stub.library()))) {
            Nvml.Device p100 = nvml.device(1);
            assertThat(nvml.totalEnergyMillijoules(p100)).isEmpty();
            assertThat(nvml.powerMilliwatts(p100)).hasValue(100000);
            assertThat(nvml.powerLimitRange(p100)).isEmpty();
        }
    }

    @Test
    void symbolsMissingFromAnOldLibraryAreAbsentCapabilities() throws Exception {
        StubLibrary stub = StubNvml.create(dir, true, "time_ms 0", H100, "process 0 pid=4242 sm=60 mem=1");
        try (Nvml nvml = Nvml.open(Optional.of(stub.library()))) {
            Nvml.Device d = nvml.device(0);
            assertThat(nvml.has("nvmlDeviceGetTotalEnergyConsumption")).isFalse();
            assertThat(nvml.totalEnergyMillijoules(d)).isEmpty();
            assertThat(nvml.processSamples(d, 0)).isEmpty();
            assertThat(nvml.computeProcesses(d)).isEmpty();
            assertThat(nvml.powerMilliwatts(d)).hasValue(300000);
        }
    }

    @Test
    void aMissingLibraryNamesTheFlag() {
        assertThatThrownBy(() -> Nvml.open(Optional.of(dir.resolve("nope.so"))))
                .isInstanceOf(NvmlException.LibraryNotLoadable.class)
                .hasMessageContaining("nope.so not found").hasMessageContaining("--nvml-library");
    }

    @Test
    void aFileThatIsNotALibraryIsRefusedWithTheFix() throws Exception {
        Path text = Files.writeString(dir.resolve("libnvidia-ml.so.1"), "not an ELF file");
        assertThatThrownBy(() -> Nvml.open(Optional.of(text)))
                .isInstanceOf(NvmlException.LibraryNotLoadable.class)
                .hasMessageContaining("cannot load NVML library").hasMessageContaining("install the NVIDIA driver");
    }

    @Test
    void aLibraryWithoutNvmlSymbolsIsRefused() throws Exception {
        Path libc = Path.of("/lib/x86_64-linux-gnu/libc.so.6");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(libc), "needs glibc at " + libc);
        assertThatThrownBy(() -> Nvml.open(Optional.of(libc)))
                .isInstanceOf(NvmlException.LibraryNotLoadable.class).hasMessageContaining("lacks nvmlInit_v2");
    }

    @Test
    void driverNotLoadedAndNoPermissionAreTypedWithTheirFix() throws Exception {
        StubLibrary stub = StubNvml.create(dir, "init driver_not_loaded", H100);
        assertThatThrownBy(() -> Nvml.open(Optional.of(stub.library())))
                .isInstanceOf(NvmlException.DriverNotLoaded.class)
                .hasMessageContaining("nvmlInit_v2 failed: Driver Not Loaded (NVML_ERROR_DRIVER_NOT_LOADED, code 9)")
                .hasMessageContaining("modprobe nvidia");
        stub.control("init no_permission", H100);
        assertThatThrownBy(() -> Nvml.open(Optional.of(stub.library())))
                .isInstanceOf(NvmlException.NoPermission.class).hasMessageContaining("/dev/nvidia*");
        stub.control("init lib_rm_version_mismatch", H100);
        assertThatThrownBy(() -> Nvml.open(Optional.of(stub.library())))
                .isInstanceOf(NvmlException.DriverNotLoaded.class).hasMessageContaining("reboot after a driver upgrade");
    }

    @Test
    void aLostGpuIsTypedAndNamed() throws Exception {
        StubLibrary stub = StubNvml.create(dir, "time_ms 0", H100 + " lost=1");
        try (Nvml nvml = Nvml.open(Optional.of(stub.library()))) {
            Nvml.Device d = nvml.device(0);
            assertThatThrownBy(() -> nvml.powerMilliwatts(d))
                    .isInstanceOf(NvmlException.GpuLost.class)
                    .hasMessageStartingWith("gpu-0: nvmlDeviceGetPowerUsage failed: GPU is lost (NVML_ERROR_GPU_IS_LOST, code 15)")
                    .hasMessageContaining("Xid");
            assertThatThrownBy(() -> nvml.totalEnergyMillijoules(d)).isInstanceOf(NvmlException.GpuLost.class);
        }
    }

    @Test
    void closingTwiceIsHarmless() throws Exception {
        StubLibrary stub = StubNvml.create(dir, H100);
        Nvml nvml = Nvml.open(Optional.of(stub.library()));
        nvml.close();
        nvml.close();
    }
}
