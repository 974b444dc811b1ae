package dev.wattiq.app.run;

import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.output.Json;
import dev.wattiq.app.cli.SensorOptions;
import dev.wattiq.meter.DeviceInfo;
import dev.wattiq.meter.Scope;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.Sensors;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    private static final double GIB = 1024.0 * 1024 * 1024;

    final SensorOptions sensors = new SensorOptions();

    @Option(names = "--json", description = "Print one JSON object with a 'devices' array instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SensorEnvironment env = sensors.environment(Scope.MACHINE, 0);
        Sensors.Selection sel = Sensors.select(env);
        List<DeviceInfo> devices = new ArrayList<>();
        try {
            if (sensors.nvmlLibrary() != null && sel.sensors().stream().noneMatch(s -> s.name().equals("nvml"))) {
                String why = sel.skipped().stream().filter(l -> l.startsWith("nvml:")).findFirst()
                        .orElse("nvml: " + sensors.nvmlLibrary() + " could not be used");
                throw new Errors.UserError("--nvml-library " + sensors.nvmlLibrary() + ": " + why.substring("nvml: ".length()));
            }
            if (sensors.amdSmiLibrary() != null && sel.sensors().stream().noneMatch(s -> s.name().equals("amd-smi"))) {
                String why = sel.skipped().stream().filter(l -> l.startsWith("amd-smi:")).findFirst()
                        .orElse("amd-smi: " + sensors.amdSmiLibrary() + " could not be used");
                throw new Errors.UserError("--amd-smi-library " + sensors.amdSmiLibrary() + ": " + why.substring("amd-smi: ".length()));
            }
            for (Sensor s : sel.sensors()) devices.addAll(s.devices());
        } finally {
            for (Sensor s : sel.sensors()) s.close();
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String w : sensors.warnings()) err.println("wattiq: " + w);
        for (String line : sel.skipped()) err.println("wattiq: note: " + line);
        if (json) {
            out.println(Json.text(Map.of("devices", devices.stream().map(DevicesCommand::toJson).toList())));
        } else if (devices.isEmpty()) {
            out.println("No CPU package, GPU or wall meter found.");
        } else {
            for (DeviceInfo d : devices) printText(out, d);
        }
        out.flush();
        return 0;
    }

    /** One device as JSON: snake_case keys with units, null for what is unknown. */
    static Map<String, Object> toJson(DeviceInfo d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", d.kind());
        m.put("index", d.index());
        m.put("name", d.name());
        m.put("uuid", d.uuid());
        m.put("memory_total_bytes", d.memoryTotalBytes() < 0 ? null : d.memoryTotalBytes());
        m.put("memory_used_bytes", d.memoryUsedBytes() < 0 ? null : d.memoryUsedBytes());
        m.put("power_w", Double.isFinite(d.powerWatts()) ? d.powerWatts() : null);
        m.put("power_limit_w", Double.isFinite(d.powerLimitWatts()) ? d.powerLimitWatts() : null);
        m.put("energy_source", d.energySource());
        m.put("reason", d.reason());
        return m;
    }

    private static void printText(PrintWriter out, DeviceInfo d) {
        out.printf(Locale.ROOT, "%s %d  %s%s%n", d.kind(), d.index(), d.name(), d.uuid() == null ? "" : "  " + d.uuid());
        String memory = d.memoryTotalBytes() < 0 ? "memory unknown"
                : d.memoryUsedBytes() < 0 ? String.format(Locale.ROOT, "memory %.1f GiB", d.memoryTotalBytes() / GIB)
                : String.format(Locale.ROOT, "memory %.1f GiB used of %.1f GiB", d.memoryUsedBytes() / GIB, d.memoryTotalBytes() / GIB);
        if (d.kind().equals("wall") || d.kind().equals("module")) {
            out.printf(Locale.ROOT, "      power %s%s%n", watts(d.powerWatts()), d.kind().equals("wall") ? " (whole machine, at the wall)" : "");
        } else {
            out.printf(Locale.ROOT, "      %s, power %s, limit %s%n", memory, watts(d.powerWatts()), watts(d.powerLimitWatts()));
        }
        out.printf(Locale.ROOT, "      energy source: %s (%s)%n", d.energySource(), d.reason());
    }

    private static String watts(double w) {
        return Double.isFinite(w) ? String.format(Locale.ROOT, "%.1f W", w) : "unknown";
    }
}
