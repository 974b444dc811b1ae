package dev.wattiq.app.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wattiq.app.cli.Calibrations;
import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.cli.SensorOptions;
import dev.wattiq.app.store.Hosts;
import dev.wattiq.meter.Scope;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.SensorException;
import dev.wattiq.meter.SensorProvider;
import dev.wattiq.meter.Sensors;
import dev.wattiq.meter.calibrate.Calibrator;
import dev.wattiq.meter.calibrate.LoadSweep;
import dev.wattiq.meter.estimate.CpuCalibration;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wattiq calibrate}: fits the CPU-time estimate's idle power and watts per busy CPU to this machine's wall
 * (an ACPI power meter, or the BMC over {@code --redfish}) under a short built-in load sweep, prints the fit and its
 * error, and saves it under {@code $WATTIQ_HOME/calibration/} with its date and source; later estimates on this machine
 * use it and name it.
 */
@Command(name = "calibrate", modelTransformer = CliOptions.SharedGroups.class, mixinStandardHelpOptions = true,
        description = {"Fit the CPU-time estimate to this machine's wall power under a short built-in load sweep.",
                "Needs a wall source: an ACPI power meter (hwmon power_meter) or a BMC (--redfish). Run it on a quiet machine."})
public final class CalibrateCommand implements Callable<Integer>, SensorOptions.Holder {
    final SensorOptions sensors = new SensorOptions();

    @Option(names = "--settle", paramLabel = "DURATION", converter = Intervals.class, defaultValue = "2s",
            description = "How long each load step settles before it is measured (default ${DEFAULT-VALUE}).")
    Duration settle;

    @Option(names = "--step", paramLabel = "DURATION", converter = Intervals.class, defaultValue = "5s",
            description = "How long each load step is measured (default ${DEFAULT-VALUE}; a BMC refreshes about once a second).")
    Duration step;

    @Option(names = "--no-save", description = "Print the fit without saving it.")
    boolean noSave;

    @Option(names = "--json", description = "Print the fit as one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public SensorOptions sensorOptions() {
        return sensors;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (step.compareTo(Duration.ofMillis(200)) < 0) throw new Errors.UserError("--step must be at least 200ms, got " + Intervals.format(step));
        SensorEnvironment env = sensors.environment(Scope.MACHINE, 0);
        for (String w : sensors.warnings()) err.println("wattiq: " + w);
        List<SensorProvider> walls = Sensors.discovered().stream().filter(p -> p.covers().equals("wall")).toList();
        Sensors.Selection sel = Sensors.select(env, walls);
        if (sel.sensors().isEmpty()) {
            throw new Errors.UserError("calibrate needs a wall source, and there is none: "
                    + (sel.skipped().isEmpty() ? "no ACPI power meter under " + env.sysfsRoot().resolve("class/hwmon") + " and no --redfish BMC"
                    : String.join("; ", sel.skipped())) + "; give --redfish URL (with --redfish-user and --redfish-password-file), or run it"
                    + " on a machine with a power meter");
        }
        Sensor wall = sel.sensors().getFirst();
        int levels = LoadSweep.levels(Math.max(1, Runtime.getRuntime().availableProcessors())).size();
        err.printf(Locale.ROOT, "wattiq calibrate: %d load steps of %s + %s against %s%n", levels, Intervals.format(settle), Intervals.format(step),
                wall.assumptions().getOrDefault("wall_source", wall.name()));
        err.flush();
        Calibrator.Outcome o;
        try {
            o = Calibrator.run(wall, env, new Calibrator.Settings(settle, step, Duration.ofMillis(100)), Hosts.name(), (s, i, n) -> {
                err.printf(Locale.ROOT, "  step %d/%d  %3d load threads  busy %6.2f CPUs  wall %8.2f W%s%n", i + 1, n, s.threads(), s.busyCpus(),
                        s.wallWatts(), s.dropped() == null ? "" : "  (dropped: " + s.dropped() + ")");
                err.flush();
            });
        } catch (SensorException e) {
            throw new Errors.UserError(e.getMessage(), 1);
        }
        CpuCalibration c = o.calibration();
        boolean usable = c.wattsPerBusyCpu() > 0 && c.idleWatts() > 0;
        Path saved = null;
        if (usable && !noSave) {
            saved = Calibrations.file();
            try {
                c.write(saved);
            } catch (IOException e) {
                throw new Errors.UserError("cannot save the calibration to " + saved + " (" + e.getMessage() + "): set WATTIQ_HOME to a writable directory", 1);
            }
        }
        if (json) {
            out.println(dev.wattiq.app.output.Json.text(toJson(c, o.steps(), saved)));
        } else {
            out.printf(Locale.ROOT, "fit: wall = %.2f W + %.3f W per busy logical CPU (%d CPUs: %.1f W at full load)%n", c.idleWatts(),
                    c.wattsPerBusyCpu(), c.logicalCpus(), c.idleWatts() + c.wattsPerBusyCpu() * c.logicalCpus());
            out.printf(Locale.ROOT, "error: %.2f W RMS over %d steps, %s leave-one-out (out of sample)%n", c.rmseWatts(), c.points().size(),
                    Double.isNaN(c.looRmseWatts()) ? "n/a" : String.format(Locale.ROOT, "%.2f W", c.looRmseWatts()));
            out.println(saved != null ? "saved to " + saved + ": the CPU-time estimate on this machine uses it from now on"
                    : noSave ? "not saved (--no-save)" : "not saved");
        }
        out.flush();
        if (!usable) {
            throw new Errors.UserError("the fit is unusable (idle " + String.format(Locale.ROOT, "%.2f", c.idleWatts()) + " W, "
                    + String.format(Locale.ROOT, "%.3f", c.wattsPerBusyCpu()) + " W per busy CPU): the wall did not rise with the load;"
                    + " run it again on a quiet machine, with a longer --step", 1);
        }
        return 0;
    }

    static ObjectNode toJson(CpuCalibration c, List<Calibrator.Step> steps, Path saved) {
        ObjectNode o = RunJson.mapper().createObjectNode();
        o.put("date", c.date().toString());
        o.put("host", c.host());
        o.put("cpu_model", c.cpuModel());
        o.put("logical_cpus", c.logicalCpus());
        o.put("wall_source", c.wallSource());
        o.put("idle_w", c.idleWatts());
        o.put("w_per_busy_cpu", c.wattsPerBusyCpu());
        o.put("rmse_w", c.rmseWatts());
        if (Double.isFinite(c.looRmseWatts())) o.put("loo_rmse_w", c.looRmseWatts()); else o.putNull("loo_rmse_w");
        ArrayNode a = o.putArray("steps");
        for (Calibrator.Step s : steps) {
            ObjectNode n = a.addObject();
            n.put("load_threads", s.threads());
            if (Double.isFinite(s.busyCpus())) n.put("busy_cpus", s.busyCpus()); else n.putNull("busy_cpus");
            if (Double.isFinite(s.wallWatts())) n.put("wall_w", s.wallWatts()); else n.putNull("wall_w");
            if (s.dropped() != null) n.put("dropped", s.dropped());
        }
        o.put("saved_to", saved == null ? null : saved.toString());
        return o;
    }
}
