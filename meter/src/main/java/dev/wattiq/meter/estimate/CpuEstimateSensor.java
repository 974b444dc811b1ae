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
 * power is {@code idle + (max - idle) x utilisation} of that stretch. In process scope both counters are charged
 * at the tree's share of busy CPU time (memory follows CPU time too: a documented simplification).
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
        Map<String, String> a = new LinkedHashMap<>(model.assumptions());
        a.put("memory_w_per_gb", CpuPowerModel.fmt(memoryWattsPerGb) + " (" + memorySource + ")");
        a.put("memory_gb", CpuPowerModel.fmt(memoryBytes / BYTES_PER_GB) + " (MemTotal of /proc/meminfo; 1 GB = 2^30 bytes)");
        a.put("memory_w", CpuPowerModel.fmt(memoryWatts) + " (constant: memory_w_per_gb x memory_gb)");
        if (scope == Scope.PROCESS) {
            a.put("attribution", "process tree share of busy CPU time: (utime+stime+cutime+cstime of the tree, /proc/[pid]/stat) "
                    + "/ (busy ticks of /proc/stat), applied to cpu and memory");
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
            double share = scope == Scope.PROCESS ? attribution.share(now, t) : 1.0;
            cpu.settle(share);
            memory.settle(share);
        } catch (IOException e) {
            throw new SensorException("cpu-estimate: cannot read procfs: " + e.getMessage() + "; check --procfs-root", e);
        }
        counters = snapshot();
        return counters;
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
