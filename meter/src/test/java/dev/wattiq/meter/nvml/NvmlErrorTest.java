package dev.wattiq.meter.nvml;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class NvmlErrorTest {
    @Test
    void codesMatchNvmlH() {
        assertThat(NvmlError.of(0)).isEqualTo(NvmlError.SUCCESS);
        assertThat(NvmlError.of(3)).isEqualTo(NvmlError.NOT_SUPPORTED);
        assertThat(NvmlError.of(4)).isEqualTo(NvmlError.NO_PERMISSION);
        assertThat(NvmlError.of(9)).isEqualTo(NvmlError.DRIVER_NOT_LOADED);
        assertThat(NvmlError.of(13)).isEqualTo(NvmlError.FUNCTION_NOT_FOUND);
        assertThat(NvmlError.of(15)).isEqualTo(NvmlError.GPU_IS_LOST);
        assertThat(NvmlError.of(999)).isEqualTo(NvmlError.UNKNOWN);
    }

    @Test
    void onlyNotSupportedAndFunctionNotFoundMeanACapabilityIsAbsent() {
        for (NvmlError e : NvmlError.values()) {
            assertThat(e.meansCapabilityAbsent()).as(e.name())
                    .isEqualTo(e == NvmlError.NOT_SUPPORTED || e == NvmlError.FUNCTION_NOT_FOUND);
        }
    }

    @Test
    void exceptionsAreTypedByWhatTheCallerDoes() {
        assertThat(NvmlException.of("f", 15, "GPU is lost", "gpu-1")).isInstanceOf(NvmlException.GpuLost.class);
        assertThat(NvmlException.of("f", 16, "reset", "gpu-1")).isInstanceOf(NvmlException.GpuLost.class);
        assertThat(NvmlException.of("f", 4, "perm", "")).isInstanceOf(NvmlException.NoPermission.class);
        assertThat(NvmlException.of("f", 9, "driver", "")).isInstanceOf(NvmlException.DriverNotLoaded.class);
        assertThat(NvmlException.of("f", 12, "lib", "")).isInstanceOf(NvmlException.LibraryNotLoadable.class);
        NvmlException other = NvmlException.of("nvmlDeviceGetPowerUsage", 10, "Timeout", "gpu-0");
        assertThat(other.getClass()).isEqualTo(NvmlException.class);
        assertThat(other).hasMessage("gpu-0: nvmlDeviceGetPowerUsage failed: Timeout (NVML_ERROR_TIMEOUT, code 10):"
                + " the driver timed out: retry; if it persists, check dmesg");
    }

    @Property
    void anyCodeMapsToAnExceptionThatKeepsTheRawCode(@ForAll int code) {
        NvmlException e = NvmlException.of("nvmlX", code, "text", "");
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.getMessage()).contains("nvmlX failed: text").contains("code " + code);
    }
}
