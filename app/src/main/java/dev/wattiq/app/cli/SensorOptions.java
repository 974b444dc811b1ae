package dev.wattiq.app.cli;

import dev.wattiq.meter.Scope;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.redfish.RedfishTarget;
import java.util.List;
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
    private Path amdSmiLibrary;
    String redfish;
    String redfishUser;
    Path redfishPasswordFile;
    Path redfishCa;
    boolean redfishInsecure;

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
        s.addOption(CliOptions.option("--amd-smi-library", "PATH", Path.class, () -> amdSmiLibrary, v -> amdSmiLibrary = v,
                "AMD SMI library to load (default: ROCm's libamd_smi.so).").build());
        s.addOption(CliOptions.option("--redfish", "URL", String.class, () -> redfish, v -> redfish = v,
                "Read the wall from this BMC over Redfish, e.g. https://10.0.0.5 (https; plain http to loopback only).").build());
        s.addOption(CliOptions.option("--redfish-user", "NAME", String.class, () -> redfishUser, v -> redfishUser = v,
                "The BMC account (with --redfish-password-file).").build());
        s.addOption(CliOptions.option("--redfish-password-file", "FILE", Path.class, () -> redfishPasswordFile, v -> redfishPasswordFile = v,
                "A file whose first line is the BMC account's password (never pass a password on the command line).").build());
        s.addOption(CliOptions.option("--redfish-ca", "FILE", Path.class, () -> redfishCa, v -> redfishCa = v,
                "PEM certificate(s) to trust for the BMC (default: the system trust store).").build());
        s.addOption(CliOptions.flag("--redfish-insecure", () -> redfishInsecure, v -> redfishInsecure = v,
                "Do not verify the BMC's certificate or host name (prints a warning; not recommended)."));
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

    /** The AMD SMI library the user named, or null for ROCm's. */
    public Path amdSmiLibrary() {
        return amdSmiLibrary;
    }

    /** Lines to print before measuring (e.g. that --redfish-insecure checks nothing). */
    public List<String> warnings() {
        return redfish != null && redfishInsecure
                ? List.of("warning: --redfish-insecure: the BMC's certificate and host name are not checked; anyone on the path can read"
                        + " the BMC password and fake the wall readings (pass --redfish-ca FILE instead)")
                : List.of();
    }

    /** The sensor environment for these options, charging {@code scope} of the tree rooted at {@code rootPid}. */
    public SensorEnvironment environment(Scope scope, long rootPid) {
        if (cpuWatts != null && (!(cpuWatts > 0) || cpuWatts.isInfinite())) {
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
                        memoryWattsPerGb == null ? OptionalDouble.empty() : OptionalDouble.of(memoryWattsPerGb))
                .withAmdSmiLibrary(Optional.ofNullable(amdSmiLibrary))
                .withRedfish(redfishTarget())
                .withCpuCalibration(Calibrations.forThisHost());
    }

    private Optional<RedfishTarget> redfishTarget() {
        if (redfish == null) {
            if (redfishUser != null || redfishPasswordFile != null || redfishCa != null || redfishInsecure) {
                throw new Errors.UserError("--redfish-user, --redfish-password-file, --redfish-ca and --redfish-insecure need --redfish URL"
                        + " (the BMC to read the wall from)");
            }
            return Optional.empty();
        }
        return Optional.of(RedfishTarget.parse(redfish, redfishUser, redfishPasswordFile, redfishCa, redfishInsecure));
    }
}
