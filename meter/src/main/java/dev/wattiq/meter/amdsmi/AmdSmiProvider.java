package dev.wattiq.meter.amdsmi;

import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.SensorException;
import dev.wattiq.meter.SensorProvider;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Path;

/**
 * Provides {@link AmdSmiSensor} for role {@code amd-gpu} (beside NVML's {@code gpu}, so a machine with both kinds
 * measures both). Available when an AMD SMI library can be loaded: {@code --amd-smi-library}, else ROCm's
 * {@code libamd_smi.so}. Without ROCm it is silently unavailable; with the library but no working driver, opening fails
 * with one line that says why.
 */
public final class AmdSmiProvider extends SensorProvider.Base {
    public AmdSmiProvider() {
        super("amd-smi", 100, "amd-gpu");
    }

    @Override
    public boolean isAvailable(SensorEnvironment env) {
        if (env.amdSmiLibrary().isPresent()) return true; // asked for explicitly: a failure to load must be reported
        try (Arena a = Arena.ofConfined()) {
            try {
                SymbolLookup.libraryLookup(AmdSmi.DEFAULT_LIBRARY, a);
            } catch (IllegalArgumentException e) {
                SymbolLookup.libraryLookup(Path.of(AmdSmi.ROCM_LIBRARY), a);
            }
            return true;
        } catch (IllegalArgumentException | IllegalCallerException e) {
            return false;
        }
    }

    @Override
    public Sensor open(SensorEnvironment env) throws SensorException {
        return AmdSmiSensor.open(AmdSmi.open(env.amdSmiLibrary()), env);
    }
}
