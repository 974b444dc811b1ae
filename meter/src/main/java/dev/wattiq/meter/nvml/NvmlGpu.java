package dev.wattiq.meter.nvml;

import dev.wattiq.meter.counter.CounterBounds;
import dev.wattiq.meter.counter.PowerBound;
import dev.wattiq.meter.gpu.TrackedGpu;
import dev.wattiq.meter.nvml.NvmlTypes.ProcessSample;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One GPU as the sensor tracks it: what it is, which energy source it has and why, its accumulated energy,
 * where NVML's per-process samples were last read up to, and whether it was lost. Guarded by the sensor's lock.
 */
final class NvmlGpu extends TrackedGpu {
    private final Nvml.Device device;
    private final boolean mig;
    private final boolean processSamples;
    private final GpuEnergy energy;
    private long lastSeenMicros;
    private GpuShare.Basis basis;
    private double utilisationShare = Double.NaN;
    private long utilisationShareNanos;

    /** How often NVML's energy counter updates. */
    static final Duration COUNTER_UPDATE = Duration.ofMillis(100);
    /** NVML's power reading is about a 1 s average on recent GPUs. */
    static final Duration POWER_AVERAGE = Duration.ofSeconds(1);

    private NvmlGpu(Nvml.Device device, String name, String uuid, Source source, String reason, boolean mig,
                    boolean processSamples, long lastSeenMicros, PowerBound bound) {
        super(new Identity(device.index(), device.id(), name, uuid, source, reason));
        this.device = device;
        this.mig = mig;
        this.processSamples = processSamples;
        this.lastSeenMicros = lastSeenMicros;
        this.energy = new GpuEnergy(device.id() + " (" + name + ")", bound, COUNTER_UPDATE, energySink());
    }

    /** Asks the GPU what it can do: energy counter or power, MIG, per-process samples. */
    static NvmlGpu open(Nvml nvml, Nvml.Device d) throws NvmlException {
        String name = nvml.name(d).orElse("NVIDIA GPU " + d.index());
        String uuid = nvml.uuid(d).orElse(null);
        Source source;
        String reason;
        if (nvml.totalEnergyMillijoules(d).isPresent()) {
            source = Source.COUNTER;
            reason = "NVML total energy counter (mJ, Volta or newer), updated about every 100 ms;"
                    + " a window's energy is the counter's difference";
        } else {
            String why = nvml.has("nvmlDeviceGetTotalEnergyConsumption")
                    ? "this GPU has no energy counter (NVML_ERROR_NOT_SUPPORTED: older than Volta)"
                    : "this NVML library has no nvmlDeviceGetTotalEnergyConsumption (driver older than 387)";
            if (nvml.powerMilliwatts(d).isPresent()) {
                source = Source.INTEGRATED;
                reason = why + "; NVML power (a ~1 s average on recent GPUs) integrated at every sampling interval";
            } else {
                source = Source.NONE;
                reason = why + ", and it reports no power either: not measured";
            }
        }
        boolean mig = nvml.migMode(d).orElse(0) == 1;
        Optional<List<ProcessSample>> first = nvml.processSamples(d, 0);
        long lastSeen = first.map(NvmlGpu::newest).orElse(0L);
        return new NvmlGpu(d, name, uuid, source, reason, mig, first.isPresent(), lastSeen, bound(nvml, d));
    }

    /** The GPU's largest settable power limit times the headroom, else the stated bound for a GPU (counter-bounds.csv). */
    private static PowerBound bound(Nvml nvml, Nvml.Device d) throws NvmlException {
        double maxWatts = Double.NaN;
        try {
            var range = nvml.powerLimitRange(d);
            if (range.isPresent()) maxWatts = range.get().maxMilliwatts() / 1000.0;
        } catch (NvmlException.GpuLost e) {
            throw e;
        } catch (NvmlException e) {
            // no range: the stated bound
        }
        return CounterBounds.shipped().fromLimit(maxWatts, "the largest power limit NVML allows (nvmlDeviceGetPowerManagementLimitConstraints)", "gpu");
    }

    /** A GPU that NVML lists but cannot reach: shown, never measured. */
    static NvmlGpu lost(Nvml.Device d, String note) {
        NvmlGpu g = new NvmlGpu(d, "NVIDIA GPU " + d.index() + " (lost)", null, Source.NONE, note, false, false, 0,
                CounterBounds.shipped().stated("gpu"));
        g.markLost(note);
        return g;
    }

    private static long newest(List<ProcessSample> samples) {
        long t = 0;
        for (ProcessSample s : samples) t = Math.max(t, s.timestampMicros());
        return t;
    }

    Nvml.Device device() {
        return device;
    }

    @Override
    protected void addAssumptions(Map<String, String> m) {
        if (mig) m.put(identity().id() + ".mig", "MIG mode: its instances share this GPU's power; the GPU's energy is counted once, not per instance");
    }

    @Override
    protected String listingNote() {
        return mig ? "MIG mode: instances share this GPU's power, counted once" : "";
    }


    boolean hasProcessSamples() {
        return processSamples;
    }

    GpuEnergy energy() {
        return energy;
    }

    long lastSeenMicros() {
        return lastSeenMicros;
    }

    /** Moves the sample cursor past {@code samples}, so none is counted twice. */
    void sawSamples(List<ProcessSample> samples) {
        lastSeenMicros = Math.max(lastSeenMicros, newest(samples));
    }

    /** Remembers the tree's share found from utilisation samples at monotonic time {@code nanos}. */
    void utilisationShare(double share, long nanos) {
        utilisationShare = share;
        utilisationShareNanos = nanos;
    }

    /** The last utilisation share if it is at most {@code hold} old. */
    OptionalDouble recentUtilisationShare(long nowNanos, Duration hold) {
        if (Double.isNaN(utilisationShare) || nowNanos - utilisationShareNanos > hold.toNanos()) return OptionalDouble.empty();
        return OptionalDouble.of(utilisationShare);
    }

    void basis(GpuShare.Basis b) {
        basis = b;
    }

    @Override
    public String basisText() {
        if (basis == null) return "not yet sampled";
        return switch (basis) {
            case UTILISATION -> "by per-process SM utilisation samples";
            case PROCESSES -> "by share of compute processes (no utilisation samples in the last interval)";
            case NONE -> "NVML lists no processes on this GPU (unsupported here): nothing charged to the tree";
        };
    }
}
