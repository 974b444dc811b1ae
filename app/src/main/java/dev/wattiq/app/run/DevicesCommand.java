package dev.wattiq.app.run;

import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.output.Json;
import dev.wattiq.app.cli.SensorOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wattiq devices [--json]}: every CPU package and GPU the sensors find, with memory, current power, power
 * limit, and the energy source each measurement will use ({@code counter}, {@code integrated}, {@code estimated})
 * and why. The sensors are opened exactly as {@code wattiq run} opens them, so what this shows is what a run uses.
 */
@Command(name = "devices", modelTransformer = CliOptions.SharedGroups.class, mixinStandardHelpOptions = true,
        description = "List every CPU package, GPU (NVIDIA and AMD) and wall meter: memory, power, power limit, and the energy source each uses and why.")
public final class DevicesCommand implements Callable<Integer>, SensorOptions.Holder {
    @Override
    public SensorOptions sensorOptions() {
        return sensors;
    }

    final SensorOptions sensors = new SensorOptions();

    @Option(names = "--json", description = "Print one JSON object with a 'devices' array instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DeviceList list = DeviceList.of(DevicesRequest.of(sensors));
        PrintWriter out = spec.commandLine().getOut();
        DevicesText.notes(spec.commandLine().getErr(), list);
        if (json) out.println(Json.text(DevicesText.json(list)));
        else DevicesText.print(out, list);
        out.flush();
        return 0;
    }
}
