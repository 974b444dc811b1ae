package dev.wattiq.app.run;

import dev.wattiq.app.cli.Calibrations;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.cli.SensorOptions;
import dev.wattiq.meter.Scope;
import dev.wattiq.meter.SensorEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A {@code calibrate} request: the load sweep to run against the wall the sensor options reach, and where to save the
 * fit. Computed by {@link Calibrated#of}.
 *
 * @param environment the machine, whole, as the sensor options describe it
 * @param warnings    what the sensor options warn of, printed before the sweep
 * @param settle      how long each load step settles before it is measured
 * @param step        how long each load step is measured, at least 200 ms
 * @param saveTo      the file the fit is saved to, or null not to save it ({@code --no-save})
 */
public record CalibrateRequest(SensorEnvironment environment, List<String> warnings, Duration settle, Duration step, Path saveTo) {
    private static final Duration SHORTEST_STEP = Duration.ofMillis(200);

    public CalibrateRequest {
        warnings = List.copyOf(warnings);
        requireStep(step);
    }

    /** The request the options make; their mistakes are user errors, {@code --step} checked first. */
    public static CalibrateRequest of(SensorOptions sensors, Duration settle, Duration step, boolean noSave) {
        requireStep(step);
        return new CalibrateRequest(sensors.environment(Scope.MACHINE, 0), sensors.warnings(), settle, step, noSave ? null : Calibrations.file());
    }

    private static void requireStep(Duration step) {
        if (step.compareTo(SHORTEST_STEP) < 0) throw new Errors.UserError("--step must be at least 200ms, got " + Intervals.format(step));
    }
}
