package dev.wattiq.meter.amdsmi;

import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.gpu.GpuLibraryProvider;
import java.util.List;

/**
 * Provides {@link AmdSmiSensor} for role {@code amd-gpu} (beside NVML's {@code gpu}, so a machine with both kinds
 * measures both). Available when an AMD SMI library can be loaded: {@code --amd-smi-library}, else ROCm's
 * {@code libamd_smi.so}. Without ROCm it is silently unavailable; with the library but no working driver, opening fails
 * with one line that says why.
 */
public final class AmdSmiProvider extends GpuLibraryProvider {
    public AmdSmiProvider() {
        super("amd-smi", 100, "amd-gpu", SensorEnvironment::amdSmiLibrary, List.of(AmdSmi.DEFAULT_LIBRARY, AmdSmi.ROCM_LIBRARY),
                (library, env) -> AmdSmiSensor.open(AmdSmi.open(library), env));
    }
}
