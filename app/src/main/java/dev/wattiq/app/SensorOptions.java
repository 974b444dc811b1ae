package dev.wattiq.app;

import dev.wattiq.meter.Scope;
import dev.wattiq.meter.SensorEnvironment;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import picocli.CommandLine.Option;

/**
 * Where the sensors look and how the estimate is made; shared by {@code run}, {@code devices} and {@code serve}
 * as a picocli mixin ({@code @Mixin SensorOptions sensors;}).
 */
public final class SensorOptions {
    @Option(names = "--sysfs-root", paramLabel = "DIR", description = "Where sysfs is mounted (default: ${DEFAULT-VALUE}).", defaultValue = "/sys")
    Path sysfsRoot;

    @Option(names = "--procfs-root", paramLabel = "DIR", description = "Where procfs is mounted (default: ${DEFAULT-VALUE}).", defaultValue = "/proc")
    Path procfsRoot;

    @Option(names = "--nvml-library", paramLabel = "PATH", description = "NVML library to load (default: the system's libnvidia-ml.so.1).")
    Path nvmlLibrary;

    @Option(names = "--cpu-watts", paramLabel = "W", description = "Estimation only: CPU power at full load, overriding the CPU model's figure.")
    Double cpuWatts;

    @Option(names = "--memory-watts-per-gb", paramLabel = "W", description = "Estimation only: memory power per GB, overriding the default.")
    Double memoryWattsPerGb;

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
