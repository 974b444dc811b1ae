package dev.wattiq.app.run;

import dev.wattiq.meter.ComponentEnergy;
import dev.wattiq.meter.Measurement;
import dev.wattiq.meter.Method;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.estimate.CpuEstimateSensor;
import dev.wattiq.meter.proc.ClockTicks;
import dev.wattiq.meter.proc.ProcessStat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command's exact CPU time, from the kernel at its exit: wattiq is the command's parent (and the subreaper of
 * what it leaves behind), so once the command has been waited for, wattiq's own {@code cutime+cstime}
 * ({@code /proc/self/stat}, what {@code wait4}'s rusage adds up) has grown by the command tree's whole CPU time, from its
 * first instruction, before the meter could open, to its last, after the meter's last read. A process-scope CPU
 * estimate is charged from it: a run shorter than a sampling interval, or than the meter's start, is still charged.
 */
public final class ExactCpu {
    private ExactCpu() {
    }

    /** This process's reaped children's CPU time in clock ticks ({@code cutime+cstime}), or -1 when unreadable. */
    public static long reapedTicks(Path procfs) {
        try {
            ProcessStat st = ProcessStat.parse(Files.readString(procfs.resolve("self/stat"), StandardCharsets.ISO_8859_1));
            return Math.max(0, st.cutime()) + Math.max(0, st.cstime());
        } catch (IOException | IllegalArgumentException e) {
            return -1;
        }
    }

    /**
     * The measurement with its process-scope estimated CPU charged from {@code cpuTicks} (the command's exact CPU time)
     * at the estimate's marginal watts per busy CPU; unchanged when the CPU is not estimated here, the scope is the
     * machine, or the time is unknown (negative).
     */
    public static Measurement charge(Measurement m, List<Sensor> sensors, long cpuTicks, long ticksPerSecond) {
        if (cpuTicks < 0 || m.scope() != dev.wattiq.meter.Scope.PROCESS) return m;
        CpuEstimateSensor estimate = null;
        for (Sensor s : sensors) if (s instanceof CpuEstimateSensor e) estimate = e;
        if (estimate == null) return m;
        double seconds = cpuTicks / (double) ticksPerSecond;
        double joules = seconds * estimate.marginalWattsPerCpu();
        List<ComponentEnergy> energies = new ArrayList<>();
        boolean found = false;
        for (ComponentEnergy e : m.energies()) {
            if (!found && e.component().equals("cpu") && e.method() == Method.ESTIMATED) {
                energies.add(new ComponentEnergy(e.component(), e.device(), joules, Math.max(e.deviceJoules(), joules), e.method()));
                found = true;
            } else {
                energies.add(e);
            }
        }
        if (!found) return m;
        Map<String, String> assumptions = new LinkedHashMap<>(m.assumptions());
        assumptions.put("cpu_time_s", String.format(java.util.Locale.ROOT, "%.2f", seconds) + " (the command tree's CPU time at its exit:"
                + " growth of wattiq's reaped-children time, cutime+cstime of /proc/self/stat, " + ticksPerSecond + " ticks/s)");
        double total = 0;
        for (ComponentEnergy e : energies) total += e.energyJoules();
        double s = m.durationSeconds();
        return new Measurement(m.label(), m.start(), m.duration(), m.scope(), energies, s > 0 ? total / s : 0,
                Math.max(m.peakPowerWatts(), s > 0 ? total / s : 0), m.idlePowerWatts(), m.samples(), assumptions, m.notes(), m.wall());
    }

    /**
     * For a command that ended before its sensors could open: its CPU time priced at the estimate's marginal watts per
     * busy CPU (the model opened now, in machine scope, only for its coefficients), as a measurement with that one
     * component. Empty when the time is unknown or zero, or no estimate can be opened here.
     */
    public static java.util.Optional<Measurement> unmetered(Measurement m, dev.wattiq.meter.SensorEnvironment env, long cpuTicks,
                                                            long ticksPerSecond) {
        if (cpuTicks <= 0) return java.util.Optional.empty();
        dev.wattiq.meter.SensorEnvironment machine = env.withScope(dev.wattiq.meter.Scope.MACHINE, 0);
        try (Sensor s = new dev.wattiq.meter.estimate.CpuEstimateProvider().open(machine)) {
            CpuEstimateSensor e = (CpuEstimateSensor) s;
            double seconds = cpuTicks / (double) ticksPerSecond;
            double joules = seconds * e.marginalWattsPerCpu();
            Map<String, String> assumptions = new LinkedHashMap<>(e.assumptions());
            assumptions.put("attribution", "own work: cpu = the command tree's CPU seconds x "
                    + dev.wattiq.meter.estimate.CpuPowerModel.fmt(e.marginalWattsPerCpu()) + " W per busy logical CPU ((max - idle) / "
                    + e.model().logicalCpus() + "); idle not charged");
            assumptions.put("cpu_time_s", String.format(java.util.Locale.ROOT, "%.2f", seconds) + " (the command tree's CPU time at its"
                    + " exit: growth of wattiq's reaped-children time, cutime+cstime of /proc/self/stat, " + ticksPerSecond + " ticks/s)");
            double s2 = m.durationSeconds();
            List<ComponentEnergy> cpu = List.of(new ComponentEnergy("cpu", "machine", joules, joules, Method.ESTIMATED));
            return java.util.Optional.of(new Measurement(m.label(), m.start(), m.duration(), dev.wattiq.meter.Scope.PROCESS, cpu,
                    s2 > 0 ? joules / s2 : 0, s2 > 0 ? joules / s2 : 0, e.idlePowerWatts(), m.samples(), assumptions, m.notes(), m.wall()));
        } catch (dev.wattiq.meter.SensorException | RuntimeException ex) {
            return java.util.Optional.empty();
        }
    }

    /** {@code USER_HZ} of this machine. */
    public static long ticksPerSecond(Path procfs) {
        return ClockTicks.read(procfs);
    }
}
