package dev.wattiq.meter.rapl;

import dev.wattiq.meter.Scope;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.SensorException;
import dev.wattiq.meter.SensorProvider;
import dev.wattiq.meter.counter.CounterBounds;
import dev.wattiq.meter.counter.PowerBound;
import dev.wattiq.meter.estimate.CpuPowerModel;
import dev.wattiq.meter.estimate.CpuPowerTable;
import dev.wattiq.meter.proc.CpuInfo;
import dev.wattiq.meter.proc.OpenFile;
import dev.wattiq.meter.proc.ProcessAttribution;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * RAPL through the powercap sysfs interface (Intel and AMD): the preferred sensor for role {@code cpu}.
 * Opening reads every chosen {@code energy_uj} once; one that cannot be read (root-only since Linux 5.10) fails
 * the open with a one-line message naming the file and the fixes, and selection falls back to estimation.
 */
public final class RaplProvider extends SensorProvider.Base {
    public static final int PRIORITY = 100;

    public RaplProvider() {
        super("rapl", PRIORITY, "cpu");
    }

    @Override
    public boolean isAvailable(SensorEnvironment env) {
        Path dir = PowercapDiscovery.powercapDir(env.sysfsRoot());
        if (!Files.isDirectory(dir)) return false;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) if (PowercapZone.isZoneId(p.getFileName().toString())) return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    @Override
    public Sensor open(SensorEnvironment env) throws SensorException {
        Path dir = PowercapDiscovery.powercapDir(env.sysfsRoot());
        PowercapDiscovery.Choice choice;
        try {
            choice = PowercapDiscovery.choose(PowercapDiscovery.discover(env.sysfsRoot()));
        } catch (IOException e) {
            throw new SensorException("rapl: cannot read the RAPL zones under " + dir + ": " + e.getMessage(), e);
        }
        if (choice.domains().isEmpty()) {
            throw new SensorException("rapl: no package or psys domain under " + dir + " (" + String.join("; ", choice.leftOut()) + ")");
        }
        List<PowercapDiscovery.Domain> domains = choice.domains();
        OpenFile[] files = new OpenFile[domains.size()];
        long[] first = new long[domains.size()];
        ProcessAttribution attribution = null;
        try {
            for (int i = 0; i < files.length; i++) {
                PowercapZone z = domains.get(i).zone();
                try {
                    files[i] = OpenFile.open(z.energyFile(), 64);
                    first[i] = files[i].readLong();
                } catch (IOException e) {
                    throw new SensorException(unreadable(z.energyFile(), dir, e), e);
                }
                if (first[i] > z.maxEnergyRangeMicroJoules()) {
                    throw new SensorException("rapl: " + z.energyFile() + " reads " + first[i] + ", above max_energy_range_uj "
                            + z.maxEnergyRangeMicroJoules() + ": the zone is inconsistent; use --sysfs-root to point at a sane tree");
                }
            }
            if (env.scope() == Scope.PROCESS) {
                if (env.rootPid() <= 0) throw new SensorException("rapl: process scope needs the pid of the measured process; use machine scope to charge everything");
                try {
                    attribution = ProcessAttribution.open(env.procfsRoot(), env.rootPid(), env.clock().monotonicNanos(),
                            env.attributionPeriod().toNanos());
                } catch (IOException e) {
                    throw new SensorException("rapl: process scope cannot follow the process tree: " + e.getMessage() + "; check --procfs-root", e);
                }
            }
        } catch (SensorException | RuntimeException e) {
            for (OpenFile f : files) if (f != null) f.close();
            throw e;
        }
        CpuInfo cpu = cpuInfo(env.procfsRoot());
        String cpuModel = cpu.modelName();
        CpuPowerModel idleModel = CpuPowerModel.resolve(CpuPowerTable.shipped(), cpuModel,
                Math.max(1, cpu.logicalCpus()), OptionalDouble.empty());
        Map<String, String> assumptions = new LinkedHashMap<>();
        List<String> used = new ArrayList<>();
        for (PowercapDiscovery.Domain d : domains) used.add(d.device() + " " + d.component() + " (" + d.zone().id() + ")");
        assumptions.put("rapl_domains", String.join(", ", used));
        if (!choice.leftOut().isEmpty()) assumptions.put("rapl_not_added", String.join("; ", choice.leftOut()));
        assumptions.put("idle_w", CpuPowerModel.fmt(idleModel.idleWatts()) + " (estimated, not measured: cpu_idle_w of cpu-power.csv for "
                + cpuModel + "; " + idleModel.row().source() + ")");
        if (env.scope() == Scope.PROCESS) {
            assumptions.put("attribution", "process tree share of busy CPU time (/proc/[pid]/stat utime+stime+cutime+cstime over "
                    + "/proc/stat busy ticks), applied to every RAPL domain; re-read every "
                    + env.attributionPeriod().toMillis() + " ms and at window boundaries, applied to the energy read since");
        }
        PowerBound[] bounds = new PowerBound[domains.size()];
        for (int i = 0; i < bounds.length; i++) bounds[i] = PowercapLimits.bound(domains.get(i), CounterBounds.shipped());
        return new RaplSensor(domains, files, first, env.clock(), env.scope(), attribution, assumptions, cpuModel,
                idleModel.idleWatts(), powerLimits(domains), bounds);
    }

    /** The one-line message for an {@code energy_uj} that cannot be read, with the fixes. */
    static String unreadable(Path file, Path dir, IOException e) {
        String why = e instanceof AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
        return "rapl: cannot read " + file + " (" + why + "): RAPL counters are root-only since Linux 5.10; run wattiq as root, "
                + "or make them readable (sudo chmod o+r " + dir + "/intel-rapl:*/energy_uj " + dir + "/intel-rapl:*/intel-rapl:*/energy_uj, "
                + "or a udev rule doing that at boot, see docs/meter.md), or give java CAP_DAC_READ_SEARCH "
                + "(sudo setcap cap_dac_read_search+ep $JAVA_HOME/bin/java); falling back to estimation";
    }

    private static CpuInfo cpuInfo(Path procfs) {
        try {
            return CpuInfo.parse(Files.readString(procfs.resolve("cpuinfo"), java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (IOException | RuntimeException e) {
            return new CpuInfo("unknown", Math.max(1, Runtime.getRuntime().availableProcessors()), 1);
        }
    }

    /** {@code constraint_0_power_limit_uw} (the long-term limit) of each package zone, in watts, where readable. */
    private static Map<String, Double> powerLimits(List<PowercapDiscovery.Domain> domains) {
        Map<String, Double> m = new HashMap<>();
        for (PowercapDiscovery.Domain d : domains) {
            if (!d.component().equals("cpu_package") && !d.component().equals("psys")) continue;
            try {
                m.put(d.device(), Long.parseLong(Files.readString(d.zone().dir().resolve("constraint_0_power_limit_uw")).strip()) / 1e6);
            } catch (IOException | NumberFormatException e) {
                // optional file
            }
        }
        return m;
    }
}
