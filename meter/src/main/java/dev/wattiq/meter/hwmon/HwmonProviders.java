package dev.wattiq.meter.hwmon;

import dev.wattiq.meter.Scope;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.SensorException;
import dev.wattiq.meter.proc.OpenFile;
import dev.wattiq.meter.proc.ProcessAttribution;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the two hwmon providers share: finding their channels and opening them with one-line reasons. */
final class HwmonProviders {
    private HwmonProviders() {
    }

    /** The channels of {@code role}; an unreadable hwmon class directory has none. */
    static List<HwmonChannel> channels(SensorEnvironment env, HwmonChannel.Role role) {
        try {
            return HwmonDiscovery.discover(env.sysfsRoot()).stream().filter(c -> c.role() == role).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Channels that are not counted, with why, for the assumptions. */
    static String notAdded(SensorEnvironment env) {
        List<String> out = new ArrayList<>();
        try {
            for (HwmonChannel c : HwmonDiscovery.discover(env.sysfsRoot())) {
                if (c.role() == HwmonChannel.Role.NESTED) out.add(c.describe() + ": part of its socket's Module Power");
                else if (c.role() == HwmonChannel.Role.OTHER) out.add(c.describe() + ": overlaps the CPU and GPU sensors");
            }
        } catch (IOException | RuntimeException e) {
            // listed only for information
        }
        return String.join("; ", out);
    }

    /** Opens the channels and reads each once, so that a garbage or unreadable file fails the open with one line. */
    static HwmonSensor open(String name, SensorEnvironment env, List<HwmonChannel> channels, boolean module) throws SensorException {
        OpenFile[] files = new OpenFile[channels.size()];
        long[] first = new long[channels.size()];
        String[] components = new String[channels.size()];
        String[] devices = new String[channels.size()];
        ProcessAttribution attribution = null;
        Map<String, String> a = new LinkedHashMap<>();
        List<String> used = new ArrayList<>();
        try {
            for (int i = 0; i < files.length; i++) {
                HwmonChannel c = channels.get(i);
                try {
                    files[i] = OpenFile.open(c.file(), 64);
                } catch (IOException e) {
                    throw new SensorException(name + ": cannot open " + c.file() + " (" + e.getMessage() + "): run as root, or make it readable"
                            + " (sudo chmod o+r " + c.file() + "); measuring without it");
                }
                try {
                    first[i] = HwmonSensor.read(files[i], c);
                } catch (IOException e) {
                    throw new SensorException(name + ": " + e.getMessage() + "; measuring without it", e);
                }
                components[i] = module ? "module" : dev.wattiq.meter.EnergyCounter.WALL;
                devices[i] = module ? "socket-" + Math.max(0, c.socket()) : c.hwmon();
                used.add(devices[i] + " = " + c.describe() + " " + c.file().getFileName()
                        + (c.reading() == HwmonChannel.Reading.ENERGY ? " (µJ counter)"
                        : " (µW" + c.averaging().map(d -> ", averaged over " + d.toMillis() + " ms").orElse("") + ", held between reads, integrated)"));
            }
            if (module && env.scope() == Scope.PROCESS) {
                if (env.rootPid() <= 0) throw new SensorException(name + ": process scope needs the pid of the measured process; use machine scope");
                try {
                    attribution = ProcessAttribution.open(env.procfsRoot(), env.rootPid(), env.clock().monotonicNanos(),
                            env.attributionPeriod().toNanos());
                } catch (IOException e) {
                    throw new SensorException(name + ": process scope cannot follow the process tree: " + e.getMessage() + "; check --procfs-root", e);
                }
            }
        } catch (SensorException | RuntimeException e) {
            for (OpenFile f : files) if (f != null) f.close();
            throw e;
        }
        a.put(module ? "module_channels" : "wall_source", "hwmon " + String.join(", ", used));
        String skipped = notAdded(env);
        if (!skipped.isEmpty()) a.put("hwmon_not_added", skipped);
        if (module) {
            a.put("module_contains", "a Grace/Grace Hopper module's power covers its CPU, memory and (Grace Hopper) GPU: the CPU and GPU"
                    + " sensors' figures are shown under nested_not_added, not added again"
                    + (attribution == null ? "" : "; in process scope the tree is charged its share of busy CPU time"));
        }
        return new HwmonSensor(name, channels, files, first, components, devices, env.clock(), attribution, Map.copyOf(a), module);
    }
}
