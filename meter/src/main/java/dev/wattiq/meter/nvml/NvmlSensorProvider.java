package dev.wattiq.meter.nvml;

import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.gpu.GpuLibraryProvider;
import java.util.List;

/**
 * Provides {@link NvmlSensor} for the {@code gpu} role. Available when an NVML library can be loaded: the one given
 * by {@code --nvml-library}, else the driver's {@code libnvidia-ml.so.1}. On a machine without the NVIDIA driver it
 * is simply unavailable (silent); with the library but no working driver, opening fails with one line that says why.
 */
public final class NvmlSensorProvider extends GpuLibraryProvider {
    public NvmlSensorProvider() {
        super("nvml", 100, "gpu", SensorEnvironment::nvmlLibrary, List.of(Nvml.DEFAULT_LIBRARY),
                (library, env) -> NvmlSensor.open(Nvml.open(library), env));
    }
}
