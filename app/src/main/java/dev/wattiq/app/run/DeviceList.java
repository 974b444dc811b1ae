package dev.wattiq.app.run;

import dev.wattiq.app.cli.Errors;
import dev.wattiq.meter.DeviceInfo;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.Sensors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to a {@link DevicesRequest}: every device the sensors found, with the options' warnings and the sensors
 * skipped and why. Printed by {@link DevicesText}.
 */
public record DeviceList(List<DeviceInfo> devices, List<String> warnings, List<String> skipped) {
    public DeviceList {
        devices = List.copyOf(devices);
        warnings = List.copyOf(warnings);
        skipped = List.copyOf(skipped);
    }

    /** Opens the sensors, lists their devices and closes them; a library the user named that cannot be used is a user error. */
    public static DeviceList of(DevicesRequest r) throws Exception {
        Sensors.Selection sel = Sensors.select(r.environment());
        List<DeviceInfo> devices = new ArrayList<>();
        try {
            requireLoaded(sel, "nvml", "--nvml-library", r.nvmlLibrary());
            requireLoaded(sel, "amd-smi", "--amd-smi-library", r.amdSmiLibrary());
            for (Sensor s : sel.sensors()) devices.addAll(s.devices());
        } finally {
            for (Sensor s : sel.sensors()) s.close();
        }
        return new DeviceList(devices, r.warnings(), sel.skipped());
    }

    /** Fails when {@code library} was given but the sensor {@code sensor} was not opened, with the reason it was skipped. */
    private static void requireLoaded(Sensors.Selection sel, String sensor, String option, Path library) {
        if (library == null || sel.sensors().stream().anyMatch(s -> s.name().equals(sensor))) return;
        String why = sel.skipped().stream().filter(l -> l.startsWith(sensor + ":")).findFirst()
                .orElse(sensor + ": " + library + " could not be used");
        throw new Errors.UserError(option + " " + library + ": " + why.substring((sensor + ": ").length()));
    }
}
