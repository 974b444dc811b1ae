package dev.wattiq.app.run;

import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.RunRecord.DeviceEnergy;
import dev.wattiq.app.store.RunStart;
import dev.wattiq.meter.ComponentEnergy;
import dev.wattiq.meter.DeviceInfo;
import dev.wattiq.meter.Measurement;
import dev.wattiq.meter.Method;
import dev.wattiq.meter.Sensor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns what the meter measured into the {@link RunRecord} that is printed, written and stored. */
public final class RunResults {
    private RunResults() {
    }

    /**
     * The record of a finished run.
     *
     * @param start       what was stored at start
     * @param m           the run's measurement
     * @param sensors     the sensors used (their device lists name the devices)
     * @param skipped     providers not used, one line each, from {@code Sensors.Selection.skipped()}
     * @param exitCode    the command's exit code
     * @param endedAt     wall time at end
     * @param commandTime the command's run time, from spawn to exit (the meter's window opens a few ms after the spawn,
     *                    since the sensors need the command's pid)
     * @param endedBeforeSensors the command ended before any sensor could open (its energy is not measured)
     */
    public static RunRecord finished(RunStart start, Measurement m, List<Sensor> sensors, List<String> skipped, int exitCode, Instant endedAt,
                                     java.time.Duration commandTime, boolean endedBeforeSensors) {
        Map<String, DeviceInfo> known = deviceIndex(sensors);
        List<DeviceEnergy> devices = new ArrayList<>();
        for (ComponentEnergy e : m.energies()) {
            DeviceInfo info = known.get(e.device());
            devices.add(new DeviceEnergy(e.component(), e.device(), e.energyJoules(), e.deviceJoules(), e.method().label(),
                    info == null ? null : info.name(), info == null ? null : info.uuid()));
        }
        for (ComponentEnergy e : m.wall()) { // the wall rides with the devices, apart from the components' total
            devices.add(new DeviceEnergy(e.component(), e.device(), e.energyJoules(), e.deviceJoules(), e.method().label(), null, null));
        }
        List<String> notes = new ArrayList<>(m.notes());
        if (endedBeforeSensors) {
            notes.add(RunRecord.TOO_SHORT + "the command ended before its sensors could open, so nothing could be charged ("
                    + String.join("; ", skipped) + ")");
        } else {
            notes.addAll(methodNotes(m, sensors, skipped));
            String cpu = unchargedCpu(m, start.scope());
            if (cpu != null) notes.add(cpu);
        }
        double idle = sensors.isEmpty() ? Double.NaN : m.idlePowerWatts();
        return new RunRecord(start.runId(), "complete", start.command(), exitCode, start.startedAt(), endedAt, commandTime.toNanos() / 1e9,
                start.scope(), start.intervalSeconds(), start.labels(), start.job(), start.host(), m.energies().isEmpty() ? null : m.method().label(),
                m.totalJoules(), m.joulesByComponent(), m.avgPowerWatts(), m.peakPowerWatts(), idle, m.samples(), devices,
                m.assumptions(), notes, null);
    }

    /**
     * The record of a command that ended before its sensors could open, charged only its CPU time (exact, from /proc at
     * its exit: {@link ExactCpu#unmetered}); its memory was never read, so the run says it is too short for that.
     */
    public static RunRecord cpuOnly(RunStart start, Measurement m, int exitCode, Instant endedAt, java.time.Duration commandTime) {
        List<DeviceEnergy> devices = new ArrayList<>();
        for (ComponentEnergy e : m.energies()) {
            devices.add(new DeviceEnergy(e.component(), e.device(), e.energyJoules(), e.deviceJoules(), e.method().label(), null, null));
        }
        List<String> notes = new ArrayList<>(m.notes());
        notes.add(RunRecord.TOO_SHORT + "memory: the command ended before its sensors could open, so its resident memory was never "
                + "read and memory is not charged; its CPU is (its exact CPU time, from /proc at its exit)");
        return new RunRecord(start.runId(), "complete", start.command(), exitCode, start.startedAt(), endedAt, commandTime.toNanos() / 1e9,
                start.scope(), start.intervalSeconds(), start.labels(), start.job(), start.host(), m.method().label(),
                m.totalJoules(), m.joulesByComponent(), m.avgPowerWatts(), m.peakPowerWatts(), m.idlePowerWatts(), m.samples(), devices,
                m.assumptions(), notes, null);
    }

    /**
     * A process-scope CPU estimate is the tree's own CPU time: when none was seen after the meter opened (less than one
     * procfs tick, 10 ms), the CPU cannot be charged, and the run says so rather than look free.
     */
    static String unchargedCpu(Measurement m, String scope) {
        if (!"process".equals(scope)) return null;
        for (ComponentEnergy e : m.energies()) {
            if (e.component().equals("cpu") && e.method() == Method.ESTIMATED && !(e.energyJoules() > 0)) {
                return RunRecord.TOO_SHORT + "cpu: the command used less than one procfs tick (10 ms) of CPU time after the meter "
                        + "opened, below what /proc can resolve; its CPU energy is not known (not zero)";
            }
        }
        return null;
    }

    /** Why the figures are what they are: no sensor at all, or an estimate because counters were unreadable. */
    static List<String> methodNotes(Measurement m, List<Sensor> sensors, List<String> skipped) {
        List<String> notes = new ArrayList<>();
        if (sensors.isEmpty()) {
            notes.add("no sensor available: energy is zero because nothing could be measured or estimated"
                    + (skipped.isEmpty() ? "" : " (" + String.join("; ", skipped) + ")"));
            return notes;
        }
        Map<Method, java.util.SortedSet<String>> components = new java.util.EnumMap<>(Method.class);
        for (ComponentEnergy e : m.energies()) components.computeIfAbsent(e.method(), k -> new java.util.TreeSet<>()).add(e.component());
        if (m.method() == Method.ESTIMATED && components.size() > 1) {
            // Some components counted by hardware, some estimated: say which is which, not "no counter found".
            StringBuilder note = new StringBuilder("estimated: ").append(String.join(", ", components.get(Method.ESTIMATED)))
                    .append(" (no hardware energy counter readable for ").append(components.get(Method.ESTIMATED).size() == 1 ? "it" : "them")
                    .append(skipped.isEmpty() ? "" : ": " + String.join("; ", skipped)).append(")");
            components.forEach((method, names) -> {
                if (method != Method.ESTIMATED) note.append("; ").append(method.label()).append(": ").append(String.join(", ", names));
            });
            notes.add(note.toString());
        } else if (m.method() == Method.ESTIMATED) {
            notes.add("estimated: no hardware energy counter readable"
                    + (skipped.isEmpty() ? " on this machine (no RAPL or NVML counter found)" : " (" + String.join("; ", skipped) + ")"));
        } else {
            for (String s : skipped) notes.add("not used: " + s);
        }
        return notes;
    }

    /** Sensor devices by the meter's device ids: {@code gpu-N} for GPUs, {@code package-N} for CPU packages. */
    static Map<String, DeviceInfo> deviceIndex(List<Sensor> sensors) {
        Map<String, DeviceInfo> out = new HashMap<>();
        for (Sensor s : sensors) {
            List<DeviceInfo> list;
            try {
                list = s.devices();
            } catch (RuntimeException e) {
                continue; // names are a courtesy; a sensor that cannot list its devices still measured
            }
            for (DeviceInfo d : list) {
                if ("gpu".equals(d.kind()) && s.name().equals("amd-smi")) out.putIfAbsent("amd-gpu-" + d.index(), d);
                else if ("gpu".equals(d.kind())) out.putIfAbsent("gpu-" + d.index(), d);
                else if ("cpu".equals(d.kind())) out.putIfAbsent("package-" + d.index(), d);
            }
        }
        return out;
    }
}
