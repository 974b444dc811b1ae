package dev.wattiq.app.run;

import dev.wattiq.meter.Scope;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.Sensors;

/**
 * Opens and closes the sensors once, measuring wattiq itself, before the command starts: it loads and links the
 * sensors' classes and data files, so that opening them again for the command (which needs its pid) takes
 * milliseconds instead of a cold JVM's hundred, and less of the command's start goes unmetered.
 */
final class SensorWarmUp {
    private SensorWarmUp() {
    }

    static void run(SensorEnvironment env) {
        try {
            // the wall is opened once, before the command starts, and needs no warm-up (a BMC would be asked twice)
            Sensors.Selection s = Sensors.select(env.withScope(env.scope(), ProcessHandle.current().pid()),
                    Sensors.discovered().stream().filter(p -> !p.covers().equals("wall")).toList());
            for (Sensor sensor : s.sensors()) {
                try {
                    sensor.poll();
                } catch (Exception ignored) {
                    // a warm-up only: the real selection reports failures
                }
                sensor.close();
            }
        } catch (RuntimeException ignored) {
            // a warm-up only: the real selection reports failures
        }
    }
}
