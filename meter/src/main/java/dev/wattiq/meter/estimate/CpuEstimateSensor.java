package dev.wattiq.meter.estimate;

import dev.wattiq.meter.ChargedEnergy;
import dev.wattiq.meter.Clock;
import dev.wattiq.meter.DeviceInfo;
import dev.wattiq.meter.EnergyCounter;
import dev.wattiq.meter.Method;
import dev.wattiq.meter.Scope;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorException;
import dev.wattiq.meter.proc.MachineCpuReader;
import dev.wattiq.meter.proc.MachineCpuTimes;
import dev.wattiq.meter.proc.ProcessAttribution;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates CPU and memory energy where no hardware counter can be read: CPU power from the machine's utilisation
 * ({@link CpuPowerModel}), memory power as watts per GB of installed memory. Both are labelled
 * {@link Method#ESTIMATED} and come with every coefficient in {@link #assumptions()}.
 *
 * <p>procfs is read at most once per {@link ProcessAttribution#REFRESH_NANOS} (one tick): between two reads the
 * counters hold still, so the sensor's {@link #updatePeriod()} is that tick. Over each stretch between reads the
 * power is {@code idle + (max - idle) x utilisation} of that stretch (the machine's figure, {@code device_energy_j}).
 *
 * <p>In process scope the tree is charged for its own work only, so that its figure does not move with its
 * neighbours': CPU = the tree's CPU seconds ({@code utime+stime} of every member and of reaped children, exact at the
 * root's exit, see {@link dev.wattiq.meter.proc.ProcessTree}) x the model's marginal watts per busy logical CPU,
 * {@code (max - idle) / logical CPUs}; memory = the tree's resident memory ({@code rss}, summed over its members at
 * each read and held until the next) / {@code MemTotal} x the memory's watts x time. Idle power is never charged: it
 * is reported apart ({@link #idlePowerWatts()}).
 */
public final class CpuEstimateSensor implements Sensor {
    private static final double BYTES_PER_GB = 1L << 30;
    private final Clock clock;
    private final Scope scope;
    private final MachineCpuReader machine;
    private final ProcessAttribution attribution;
    private final CpuPowerModel model;
    private final double memoryWatts;
    private final long memoryBytes;
    private Map<String, String> assumptions;
    private final ChargedEnergy cpu = new ChargedEnergy();
    private final ChargedEnergy memory = new ChargedEnergy();
    private long lastRefreshNanos;
    private MachineCpuTimes lastTimes;
    private double utilisation;
    private List<EnergyCounter> counters;
    /** Process scope: the tree's CPU ticks and resident bytes at the last read. */
    private long treeTicks;
    private double treeRssBytes;
    private final double ticksPerSecond;
    private final long pageBytes;

    CpuEstimateSensor(Clock clock, Scope scope, MachineCpuReader machine, ProcessAttribution attribution, CpuPowerModel model,
                      double memoryWattsPerGb, String memorySource, long memoryBytes) throws IOException {
        this.clock = clock;
        this.scope = scope;
        this.machine = machine;
        this.attribution = attribution;
        this.model = model;
        this.memoryBytes = memoryBytes;
        this.memoryWatts = memoryWattsPerGb * memoryBytes / BYTES_PER_GB;
        this.lastTimes = machine.read();
        this.lastRefreshNanos = clock.monotonicNanos();
        this.ticksPerSecond = attribution == null ? 100 : attribution.tree().ticksPerSecond();
        this.pageBytes = attribution == null ? 4096 : attribution.tree().pageBytes();
        if (scope == Scope.PROCESS && attribution != null) {
            treeTicks = attribution.tree().cpuTicks();
            treeRssBytes = attribution.tree().rssPages() * (double) pageBytes;
        }
        Map<String, String> a = new LinkedHashMap<>(model.assumptions());
        a.put("memory_w_per_gb", CpuPowerModel.fmt(memoryWattsPerGb) + " (" + memorySource + ")");
        a.put("memory_gb", CpuPowerModel.fmt(memoryBytes / BYTES_PER_GB) + " (MemTotal of /proc/meminfo; 1 GB = 2^30 bytes)");
        a.put("memory_w", CpuPowerModel.fmt(memoryWatts) + " (constant: memory_w_per_gb x memory_gb)");
        if (scope == Scope.PROCESS) {
            a.put("attribution", "own work, not a share of the machine: cpu = the tree's CPU seconds (utime+stime+cutime+cstime of "
                    + "/proc/[pid]/stat, its members and reaped children; at the root's exit from its parent's cutime+cstime) x "
                    + CpuPowerModel.fmt(marginalWattsPerCpu()) + " W per busy logical CPU ((max - idle) / " + model.logicalCpus()
                    + "); memory = the tree's resident memory (rss of its members) / memory_gb x memory_w, over time; idle not charged");
        }
        this.assumptions = Map.copyOf(a);
        this.counters = snapshot();
    }

    @Override
    public String name() {
        return "cpu-estimate";
    }

    @Override
    public List<EnergyCounter> poll() throws SensorException {
        long now = clock.monotonicNanos();
        if (now - lastRefreshNanos < ProcessAttribution.REFRESH_NANOS) return counters;
        try {
            MachineCpuTimes t = machine.read();
            double seconds = (now - lastRefreshNanos) / 1e9;
            long total = t.totalTicks() - lastTimes.totalTicks();
            if (total > 0) utilisation = Math.clamp((t.busyTicks() - lastTimes.busyTicks()) / (double) total, 0.0, 1.0);
            cpu.add(model.powerWatts(utilisation) * seconds);
            memory.add(memoryWatts * seconds);
            lastTimes = t;
            lastRefreshNanos = now;
            if (scope == Scope.PROCESS) {
                chargeOwnWork(seconds);
            } else {
                cpu.settle(1.0);
                memory.settle(1.0);
            }
        } catch (IOException e) {
            throw new SensorException("cpu-estimate: cannot read procfs: " + e.getMessage() + "; check --procfs-root", e);
        }
        counters = snapshot();
        return counters;
    }

    /** Charges the tree its own CPU seconds and resident memory since the last read (process scope). */
    private void chargeOwnWork(double seconds) throws IOException {
        var tree = attribution.tree();
        long ticks = tree.cpuTicks();
        cpu.charge(Math.max(0, ticks - treeTicks) / ticksPerSecond * marginalWattsPerCpu());
        treeTicks = ticks;
        // the memory held since the last read, at the size read then (left sum); a tree gone from /proc holds none
        memory.charge(memoryBytes > 0 ? Math.min(1.0, treeRssBytes / memoryBytes) * memoryWatts * seconds : 0);
        treeRssBytes = tree.members() > 0 ? tree.rssPages() * (double) pageBytes : 0;
    }

    /** The model's cost of one more busy logical CPU, in watts: {@code (max - idle) / logical CPUs}. */
    public double marginalWattsPerCpu() {
        return (model.maxWatts() - model.idleWatts()) / model.logicalCpus();
    }

    private List<EnergyCounter> snapshot() {
        return List.of(
                new EnergyCounter("cpu", "machine", cpu.joules(), cpu.attributedJoules(), Method.ESTIMATED),
                new EnergyCounter("memory", "machine", memory.joules(), memory.attributedJoules(), Method.ESTIMATED));
    }

    /** The last utilisation the model used, in [0, 1]. */
    public double utilisation() {
        return utilisation;
    }

    public CpuPowerModel model() {
        return model;
    }

    @Override
    public Map<String, String> assumptions() {
        return assumptions;
    }

    /** Adds an assumption (e.g. why a calibration was not used); called once, when the sensor opens. */
    void note(String key, String value) {
        Map<String, String> a = new LinkedHashMap<>(assumptions);
        a.put(key, value);
        assumptions = Map.copyOf(a);
    }

    /** Idle CPU power plus the (constant) memory power, in watts. */
    @Override
    public double idlePowerWatts() {
        return model.idleWatts() + memoryWatts;
    }

    @Override
    public Duration updatePeriod() {
        return Duration.ofNanos(ProcessAttribution.REFRESH_NANOS);
    }

    @Override
    public List<DeviceInfo> devices() {
        return List.of(new DeviceInfo("cpu", 0, model.cpuModelName(), null, memoryBytes, -1, model.powerWatts(utilisation),
                model.maxWatts(), "estimated", "no readable RAPL counter: CPU-time model, max " + CpuPowerModel.fmt(model.maxWatts())
                + " W, idle " + CpuPowerModel.fmt(model.idleWatts()) + " W for " + model.logicalCpus() + " logical CPUs"));
    }

    @Override
    public void close() {
        machine.close();
        if (attribution != null) attribution.close();
    }
}
