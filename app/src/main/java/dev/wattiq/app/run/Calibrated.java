package dev.wattiq.app.run;

import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.store.Hosts;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorException;
import dev.wattiq.meter.SensorProvider;
import dev.wattiq.meter.Sensors;
import dev.wattiq.meter.calibrate.Calibrator;
import dev.wattiq.meter.estimate.CpuCalibration;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The answer to a {@link CalibrateRequest}: the fit, every step of the sweep, and where the fit was saved. Printed by
 * {@link CalibrateText}.
 *
 * @param calibration the fit
 * @param steps       every step of the sweep, dropped ones included
 * @param saved       the file the fit was saved to; null when it was not ({@code --no-save}, or the fit is unusable)
 * @param noSave      whether saving was not asked for ({@code --no-save})
 */
public record Calibrated(CpuCalibration calibration, List<Calibrator.Step> steps, Path saved, boolean noSave) {
    /** Told of the sweep as it goes: once before it starts, then after each step (the CLI prints these to standard error). */
    public interface Progress {
        /** The sweep is about to run {@code steps} steps of {@code settle} + {@code step} against {@code wallSource}. */
        void started(int steps, Duration settle, Duration step, String wallSource);

        /** Step {@code index} of {@code of} has ended. */
        void step(Calibrator.Step step, int index, int of);
    }

    public Calibrated {
        steps = List.copyOf(steps);
    }

    /**
     * Runs the sweep against the first wall source the request's environment has, and saves a usable fit where the
     * request says. No wall source, a failing wall sensor, and a save that fails are user errors.
     */
    public static Calibrated of(CalibrateRequest r, Progress progress) throws InterruptedException {
        List<SensorProvider> walls = Sensors.discovered().stream().filter(p -> p.covers().equals("wall")).toList();
        Sensors.Selection sel = Sensors.select(r.environment(), walls);
        if (sel.sensors().isEmpty()) {
            throw new Errors.UserError("calibrate needs a wall source, and there is none: "
                    + (sel.skipped().isEmpty() ? "no ACPI power meter under " + r.environment().sysfsRoot().resolve("class/hwmon") + " and no --redfish BMC"
                    : String.join("; ", sel.skipped())) + "; give --redfish URL (with --redfish-user and --redfish-password-file), or run it"
                    + " on a machine with a power meter");
        }
        Sensor wall = sel.sensors().getFirst();
        String source = wall.assumptions().getOrDefault("wall_source", wall.name());
        Calibrator.Progress told = new Calibrator.Progress() { // the step count from the CPUs the sweep itself counts
            @Override
            public void sweep(int steps) {
                progress.started(steps, r.settle(), r.step(), source);
            }

            @Override
            public void step(Calibrator.Step step, int index, int of) {
                progress.step(step, index, of);
            }
        };
        Calibrator.Outcome o;
        try {
            o = Calibrator.run(wall, r.environment(), new Calibrator.Settings(r.settle(), r.step(), Duration.ofMillis(100)), Hosts.name(), told);
        } catch (SensorException e) {
            throw new Errors.UserError(e.getMessage(), 1);
        } finally {
            for (Sensor s : sel.sensors()) s.close(); // every wall source opened (a BMC's poller too), not just the one swept
        }
        CpuCalibration c = o.calibration();
        Path saved = null;
        if (usable(c) && r.saveTo() != null) {
            saved = r.saveTo();
            try {
                c.write(saved);
            } catch (IOException e) {
                throw new Errors.UserError("cannot save the calibration to " + saved + " (" + e.getMessage() + "): set WATTIQ_HOME to a writable directory", 1);
            }
        }
        return new Calibrated(c, o.steps(), saved, r.saveTo() == null);
    }

    /** Whether the fit can be used: the wall rose with the load from a positive idle. */
    public boolean usable() {
        return usable(calibration);
    }

    /** Fails, exit 1, when the fit is unusable: the wall did not rise with the load. */
    public void requireUsable() {
        if (usable()) return;
        CpuCalibration c = calibration;
        throw new Errors.UserError("the fit is unusable (idle " + String.format(Locale.ROOT, "%.2f", c.idleWatts()) + " W, "
                + String.format(Locale.ROOT, "%.3f", c.wattsPerBusyCpu()) + " W per busy CPU): the wall did not rise with the load;"
                + " run it again on a quiet machine, with a longer --step", 1);
    }

    private static boolean usable(CpuCalibration c) {
        return c.wattsPerBusyCpu() > 0 && c.idleWatts() > 0;
    }
}
