package dev.wattiq.meter.nvml;

import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.SensorException;
import dev.wattiq.meter.SensorProvider;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;

/**
 * Provides {@link NvmlSensor} for the {@code gpu} role. Available when an NVML library can be loaded: the one given
 * by {@code --nvml-library}, else the driver's {@code libnvidia-ml.so.1}. On a machine without the NVIDIA driver it
 * is simply unavailable (silent); with the library but no working driver, opening fails with one line that says why.
 */
public final class NvmlSensorProvider extends SensorProvider.Base {
    public NvmlSensorProvider() {
        super("nvml", 100, "gpu");
    }

    @Override
    public boolean isAvailable(SensorEnvironment env) {
        if (env.nvmlLibrary().isPresent()) return true; // asked for explicitly: a failure to load must be reported
        try (Arena a = Arena.ofConfined()) {
            SymbolLookup.libraryLookup(Nvml.DEFAULT_LIBRARY, a);
            return true;
        } catch (IllegalArgumentException | IllegalCallerException e) {
            return false;
        }
    }

    @Override
    public Sensor open(SensorEnvironment env) throws SensorException {
        return NvmlSensor.open(Nvml.open(env.nvmlLibrary()), env);
    }
}
