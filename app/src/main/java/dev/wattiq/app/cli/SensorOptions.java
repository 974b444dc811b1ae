package dev.wattiq.app.cli;

import dev.wattiq.meter.Scope;
import dev.wattiq.meter.SensorEnvironment;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where the sensors look and how the estimate is made; shared by {@code run}, {@code devices}, {@code serve}, the
 * lab and the demo. Declared in code ({@link CliOptions}): {@code run} adds {@link #spec()} as a mixin, annotated
 * commands hold an instance ({@link Holder}) and name {@link CliOptions.SharedGroups} as their model transformer.
 */
public final class SensorOptions {
    /** The name of this group as a picocli mixin. */
    public static final String MIXIN = "sensors";

    Path sysfsRoot;
    Path procfsRoot;
    private Path nvmlLibrary;
    Double cpuWatts;
    Double memoryWattsPerGb;

    /** A command that takes these options. */
    public interface Holder {
        SensorOptions sensorOptions();
    }

    /** The options as a picocli mixin bound to this object. */
    public CommandSpec spec() {
        CommandSpec s = CommandSpec.create();
        s.addOption(CliOptions.option("--sysfs-root", "DIR", Path.class, () -> sysfsRoot, v -> sysfsRoot = v,
                "Where sysfs is mounted (default: ${DEFAULT-VALUE}).").defaultValue("/sys").build());
        s.addOption(CliOptions.option("--procfs-root", "DIR", Path.class, () -> procfsRoot, v -> procfsRoot = v,
                "Where procfs is mounted (default: ${DEFAULT-VALUE}).").defaultValue("/proc").build());
        s.addOption(CliOptions.option("--nvml-library", "PATH", Path.class, () -> nvmlLibrary, v -> nvmlLibrary = v,
                "NVML library to load (default: the system's libnvidia-ml.so.1).").build());
        s.addOption(CliOptions.option("--cpu-watts", "W", Double.class, () -> cpuWatts, v -> cpuWatts = v,
                "Estimation only: CPU power at full load, overriding the CPU model's figure.").build());
        s.addOption(CliOptions.option("--memory-watts-per-gb", "W", Double.class, () -> memoryWattsPerGb, v -> memoryWattsPerGb = v,
                "Estimation only: memory power per GB, overriding the default.").build());
        return s;
    }

    /** The NVML library the user named, or null for the system's. */
    public Path nvmlLibrary() {
        return nvmlLibrary;
    }

    /** The sensor environment for these options, charging {@code scope} of the tree rooted at {@code rootPid}. */
    public SensorEnvironment environment(Scope scope, long rootPid) {
        if (cpuWatts != null && !(cpuWatts > 0)) {
            throw new Errors.UserError("--cpu-watts must be a positive number of watts, got " + cpuWatts);
        }
        if (memoryWattsPerGb != null && !(memoryWattsPerGb >= 0)) {
            throw new Errors.UserError("--memory-watts-per-gb must be zero or more, got " + memoryWattsPerGb);
        }
        return SensorEnvironment.system()
                .withSysfsRoot(sysfsRoot)
                .withProcfsRoot(procfsRoot)
                .withNvmlLibrary(Optional.ofNullable(nvmlLibrary))
                .withScope(scope, rootPid)
                .withEstimation(cpuWatts == null ? OptionalDouble.empty() : OptionalDouble.of(cpuWatts),
                        memoryWattsPerGb == null ? OptionalDouble.empty() : OptionalDouble.of(memoryWattsPerGb));
    }
}
