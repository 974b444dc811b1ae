package dev.wattiq.app.run;

import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.cli.SensorOptions;
import dev.wattiq.app.output.Json;
import java.io.PrintWriter;
import java.time.Duration;
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
        CalibrateRequest request = CalibrateRequest.of(sensors, settle, step, noSave);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CalibrateText.warnings(err, request);
        Calibrated fit = Calibrated.of(request, CalibrateText.progress(err));
        if (json) out.println(Json.text(CalibrateText.json(fit)));
        else CalibrateText.print(out, fit);
        out.flush();
        fit.requireUsable();
        return 0;
    }
}
