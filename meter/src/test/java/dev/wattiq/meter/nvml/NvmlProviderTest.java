package dev.wattiq.meter.nvml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.Sensors;
import dev.wattiq.meter.testing.StubLibrary;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the GPU provider behaves when selected: present, absent, or present without a working driver. */
class NvmlProviderTest {
    @TempDir
    Path dir;

    @Test
    void isDiscoveredByTheServiceLoader() {
        assertThat(Sensors.discovered()).anySatisfy(p -> assertThat(p).isInstanceOf(NvmlSensorProvider.class));
    }

    @Test
    void withoutTheDriverLibraryTheProviderIsSilentlyAbsent() {
        boolean systemHasNvml;
        try (Arena a = Arena.ofConfined()) {
            SymbolLookup.libraryLookup(Nvml.DEFAULT_LIBRARY, a);
            systemHasNvml = true;
        } catch (IllegalArgumentException e) {
            systemHasNvml = false;
        }
        Assumptions.assumeFalse(systemHasNvml, "this machine has a real NVML");
        SensorEnvironment env = SensorEnvironment.system();
        assertThat(new NvmlSensorProvider().isAvailable(env)).isFalse();
        Sensors.Selection sel = Sensors.select(env, List.of(new NvmlSensorProvider()));
        assertThat(sel.sensors()).isEmpty();
        assertThat(sel.skipped()).isEmpty();
    }

    @Test
    void anExplicitLibraryThatIsMissingIsOneSkippedLineWithTheFix() {
        SensorEnvironment env = SensorEnvironment.system().withNvmlLibrary(Optional.of(dir.resolve("libnvidia-ml.so.1")));
        Sensors.Selection sel = Sensors.select(env, List.of(new NvmlSensorProvider()));
        assertThat(sel.sensors()).isEmpty();
        assertThat(sel.skipped()).singleElement().asString().startsWith("nvml: NVML library").contains("--nvml-library");
    }

    @Test
    void aLibraryWithoutADriverIsOneSkippedLine() throws Exception {
        StubLibrary stub = StubNvml.create(dir, "init driver_not_loaded", NvmlBindingTest.H100);
        SensorEnvironment env = SensorEnvironment.system().withNvmlLibrary(Optional.of(stub.library()));
        Sensors.Selection sel = Sensors.select(env, List.of(new NvmlSensorProvider()));
        assertThat(sel.sensors()).isEmpty();
        assertThat(sel.skipped()).singleElement().asString().contains("NVML_ERROR_DRIVER_NOT_LOADED").contains("modprobe nvidia");
    }

    @Test
    void noGpuIsOneSkippedLine() throws Exception {
        StubLibrary stub = StubNvml.create(dir, "init ok");
        Sensors.Selection sel = Sensors.select(SensorEnvironment.system().withNvmlLibrary(Optional.of(stub.library())),
                List.of(new NvmlSensorProvider()));
        assertThat(sel.sensors()).isEmpty();
        assertThat(sel.skipped()).singleElement().asString().contains("sees no GPU");
    }

    @Test
    void opensOnTheStub() throws Exception {
        StubLibrary stub = StubNvml.create(dir, NvmlBindingTest.H100);
        Sensors.Selection sel = Sensors.select(SensorEnvironment.system().withNvmlLibrary(Optional.of(stub.library())),
                List.of(new NvmlSensorProvider()));
        assertThat(sel.sensors()).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("nvml"));
        sel.sensors().forEach(s -> s.close());
    }
}
