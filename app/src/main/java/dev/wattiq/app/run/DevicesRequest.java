package dev.wattiq.app.run;

import dev.wattiq.app.cli.SensorOptions;
import dev.wattiq.meter.Scope;
import dev.wattiq.meter.SensorEnvironment;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@code devices} request: the sensors to open, as {@code wattiq run} opens them. Computed by {@link DeviceList#of}.
 *
 * @param nvmlLibrary   the NVML library the user named (then it must load), or null for the system's
 * @param amdSmiLibrary the AMD SMI library the user named (then it must load), or null for ROCm's
 * @param warnings      what the options warn of, printed before the list
 */
public record DevicesRequest(SensorEnvironment environment, Path nvmlLibrary, Path amdSmiLibrary, List<String> warnings) {
    public DevicesRequest {
        warnings = List.copyOf(warnings);
    }

    /** The request the sensor options make (their mistakes are user errors), the whole machine in scope. */
    public static DevicesRequest of(SensorOptions o) {
        return new DevicesRequest(o.environment(Scope.MACHINE, 0), o.nvmlLibrary(), o.amdSmiLibrary(), o.warnings());
    }
}
