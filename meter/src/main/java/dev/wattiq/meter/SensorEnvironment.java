package dev.wattiq.meter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * Everything a sensor may look at, injected so tests can build fake trees and stub libraries.
 *
 * @param sysfsRoot          where {@code /sys} is (tests: a fake tree)
 * @param procfsRoot         where {@code /proc} is (tests: recorded fixtures)
 * @param nvmlLibrary        the NVML shared library to load; empty means the system's {@code libnvidia-ml.so.1}
 * @param clock              the meter's clock
 * @param scope              what to charge
 * @param rootPid            pid of the measured process tree's root; 0 when measuring no process (machine scope, serve)
 * @param cpuWatts           override of the CPU power model's full-load watts (estimation)
 * @param memoryWattsPerGb   override of the memory power model (estimation)
 * @param attributionPeriod  process scope: how often counter sensors re-read the tree's and the machine's CPU time
 *                           ({@code /proc}) to charge the energy read since; at least 10 ms (one procfs tick), default
 *                           {@link #DEFAULT_ATTRIBUTION_PERIOD}. Window boundaries always take a fresh read.
 * @param amdSmiLibrary      the AMD SMI shared library to load; empty means the system's {@code libamd_smi.so}
 * @param redfish            the BMC to read the wall from over Redfish; empty: no Redfish
 * @param cpuCalibration     this machine's fitted CPU-time model ({@code wattiq calibrate}); empty: the shipped tables
 */
public record SensorEnvironment(
        Path sysfsRoot,
        Path procfsRoot,
        Optional<Path> nvmlLibrary,
        Clock clock,
        Scope scope,
        long rootPid,
        OptionalDouble cpuWatts,
        OptionalDouble memoryWattsPerGb,
        Duration attributionPeriod,
        Optional<Path> amdSmiLibrary,
        Optional<dev.wattiq.meter.redfish.RedfishTarget> redfish,
        Optional<dev.wattiq.meter.estimate.CpuCalibration> cpuCalibration) {

    /** Default {@link #attributionPeriod}: the CLI's default sampling interval. */
    public static final Duration DEFAULT_ATTRIBUTION_PERIOD = Duration.ofMillis(100);
    /** Shortest {@link #attributionPeriod}: one procfs tick at {@code USER_HZ=100}. */
    public static final Duration MIN_ATTRIBUTION_PERIOD = Duration.ofMillis(10);

    public SensorEnvironment {
        NonNull.check("sysfsRoot, procfsRoot, nvmlLibrary, clock, scope, cpuWatts, memoryWattsPerGb, attributionPeriod, "
                + "amdSmiLibrary, redfish, cpuCalibration", sysfsRoot, procfsRoot, nvmlLibrary, clock, scope, cpuWatts,
                memoryWattsPerGb, attributionPeriod, amdSmiLibrary, redfish, cpuCalibration);
        if (attributionPeriod.compareTo(MIN_ATTRIBUTION_PERIOD) < 0) {
            throw new IllegalArgumentException("attribution period must be at least 10 ms (one procfs tick), got "
                    + attributionPeriod.toNanos() / 1e6 + " ms");
        }
    }

    /** The real machine: {@code /sys}, {@code /proc}, the system NVML, the system clock, machine scope. */
    public static SensorEnvironment system() {
        return new SensorEnvironment(Path.of("/sys"), Path.of("/proc"), Optional.empty(), Clock.system(),
                Scope.MACHINE, 0, OptionalDouble.empty(), OptionalDouble.empty(), DEFAULT_ATTRIBUTION_PERIOD,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public SensorEnvironment withSysfsRoot(Path p) {
        return with(b -> b.sysfsRoot = p);
    }

    public SensorEnvironment withProcfsRoot(Path p) {
        return with(b -> b.procfsRoot = p);
    }

    public SensorEnvironment withNvmlLibrary(Optional<Path> p) {
        return with(b -> b.nvmlLibrary = p);
    }

    public SensorEnvironment withClock(Clock c) {
        return with(b -> b.clock = c);
    }

    public SensorEnvironment withScope(Scope s, long pid) {
        return with(b -> {
            b.scope = s;
            b.rootPid = pid;
        });
    }

    public SensorEnvironment withEstimation(OptionalDouble cpu, OptionalDouble memPerGb) {
        return with(b -> {
            b.cpuWatts = cpu;
            b.memoryWattsPerGb = memPerGb;
        });
    }

    /** With process-scope attribution every {@code period} (at least 10 ms); see {@link #attributionPeriod}. */
    public SensorEnvironment withAttributionPeriod(Duration period) {
        return with(b -> b.attributionPeriod = period);
    }

    /** With this AMD SMI library ({@code --amd-smi-library}); empty: the system's {@code libamd_smi.so}. */
    public SensorEnvironment withAmdSmiLibrary(Optional<Path> p) {
        return with(b -> b.amdSmiLibrary = p);
    }

    /** With this BMC as the wall source over Redfish ({@code --redfish}); empty: none. */
    public SensorEnvironment withRedfish(Optional<dev.wattiq.meter.redfish.RedfishTarget> r) {
        return with(b -> b.redfish = r);
    }

    /** With this machine's calibrated CPU-time model; empty: the shipped tables. */
    public SensorEnvironment withCpuCalibration(Optional<dev.wattiq.meter.estimate.CpuCalibration> c) {
        return with(b -> b.cpuCalibration = c);
    }

    /** A copy with the components {@code change} sets; the rest as here. Checked like any new environment. */
    private SensorEnvironment with(Consumer<Copy> change) {
        Copy copy = new Copy();
        change.accept(copy);
        return copy.build();
    }

    /** This environment's components, to change some and build the next: the one place that lists them all. */
    private final class Copy {
        Path sysfsRoot = sysfsRoot();
        Path procfsRoot = procfsRoot();
        Optional<Path> nvmlLibrary = nvmlLibrary();
        Clock clock = clock();
        Scope scope = scope();
        long rootPid = rootPid();
        OptionalDouble cpuWatts = cpuWatts();
        OptionalDouble memoryWattsPerGb = memoryWattsPerGb();
        Duration attributionPeriod = attributionPeriod();
        Optional<Path> amdSmiLibrary = amdSmiLibrary();
        Optional<dev.wattiq.meter.redfish.RedfishTarget> redfish = redfish();
        Optional<dev.wattiq.meter.estimate.CpuCalibration> cpuCalibration = cpuCalibration();

        SensorEnvironment build() {
            return new SensorEnvironment(sysfsRoot, procfsRoot, nvmlLibrary, clock, scope, rootPid, cpuWatts,
                    memoryWattsPerGb, attributionPeriod, amdSmiLibrary, redfish, cpuCalibration);
        }
    }
}
