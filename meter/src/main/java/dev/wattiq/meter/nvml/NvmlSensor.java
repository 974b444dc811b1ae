package dev.wattiq.meter.nvml;

import dev.wattiq.meter.DeviceInfo;
import dev.wattiq.meter.EnergyCounter;
import dev.wattiq.meter.Method;
import dev.wattiq.meter.Scope;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.SensorException;
import dev.wattiq.meter.SensorGapException;
import dev.wattiq.meter.nvml.NvmlTypes.Memory;
import dev.wattiq.meter.nvml.NvmlTypes.ProcessSample;
import dev.wattiq.meter.proc.ProcessAncestry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * NVIDIA GPUs through NVML. Each GPU with an energy counter (Volta and newer) is read at every sample and at window
 * boundaries, so a window's energy is the counter's difference ({@link Method#MEASURED}); a GPU without one has
 * its polled power integrated at the sampling interval ({@link Method#INTEGRATED}). In process scope each
 * interval's energy is charged to the measured tree by its share of the GPU ({@link GpuShare}); the whole
 * device's energy stays in {@link EnergyCounter#joules()}. A counter step or power reading beyond the GPU's bound
 * ({@link GpuEnergy}) is a gap, noted with the GPU's name. MIG instances are not separate devices here: a GPU in
 * MIG mode is counted once, whatever its instances. A GPU that is lost mid-run freezes at its last reading; the
 * poll that finds it lost throws {@link SensorGapException}, so the meter marks the gap, and the other GPUs go on
 * being measured.
 */
public final class NvmlSensor implements Sensor {
    static final Duration COUNTER_UPDATE = Duration.ofMillis(100);
    static final Duration POWER_AVERAGE = Duration.ofSeconds(1);
    /** How long a utilisation share stands in for intervals without new per-process samples. */
    static final Duration SHARE_HOLD = Duration.ofSeconds(2);

    private final Nvml nvml;
    private final SensorEnvironment env;
    private final ProcessAncestry tree;
    private final List<NvmlGpu> gpus;

    private NvmlSensor(Nvml nvml, SensorEnvironment env, List<NvmlGpu> gpus) {
        this.nvml = nvml;
        this.env = env;
        this.gpus = List.copyOf(gpus);
        this.tree = env.scope() == Scope.PROCESS && env.rootPid() > 0 ? new ProcessAncestry(env.procfsRoot(), env.rootPid()) : null;
    }

    /** Opens every GPU NVML sees and takes the first reading. Closes {@code nvml} if it fails. */
    public static NvmlSensor open(Nvml nvml, SensorEnvironment env) throws SensorException {
        try {
            int n = nvml.deviceCount();
            if (n == 0) {
                throw new SensorException("NVML (" + nvml.library() + ") sees no GPU: nothing to measure on the GPU side");
            }
            List<NvmlGpu> gpus = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Nvml.Device d = nvml.device(i);
                try {
                    gpus.add(NvmlGpu.open(nvml, d));
                } catch (NvmlException.GpuLost e) {
                    gpus.add(NvmlGpu.lost(d, d.id() + " was already lost when measuring started: " + e.getMessage() + "; it is not measured"));
                }
            }
            NvmlSensor s = new NvmlSensor(nvml, env, gpus);
            s.poll();
            return s;
        } catch (SensorException | RuntimeException e) {
            nvml.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "nvml";
    }

    /** The GPUs, in NVML's index order. */
    List<NvmlGpu> gpus() {
        return gpus;
    }

    @Override
    public synchronized List<EnergyCounter> poll() throws SensorException {
        List<EnergyCounter> out = new ArrayList<>();
        Map<String, String> gaps = new LinkedHashMap<>();
        for (NvmlGpu g : gpus) {
            if (g.source() != NvmlGpu.Source.NONE && !g.isLost()) {
                try {
                    String gap = read(g);
                    if (gap != null) gaps.put(g.id(), gap);
                } catch (NvmlException.GpuLost e) {
                    String note = g.id() + " (" + g.name() + ") was lost at " + env.clock().wallTime() + ": " + e.getMessage()
                            + "; its energy after that is missing, the other GPUs are still measured";
                    g.markLost(note);
                    gaps.put(g.id(), note);
                } catch (NvmlException e) {
                    gaps.put(g.id(), e.getMessage());
                }
            }
            if (g.source() != NvmlGpu.Source.NONE) {
                Method m = g.source() == NvmlGpu.Source.COUNTER ? Method.MEASURED : Method.INTEGRATED;
                double whole = g.energy().joules();
                double charged = tree == null ? whole : g.energy().attributedJoules();
                out.add(new EnergyCounter("gpu", g.id(), whole, charged, m));
            }
        }
        if (!gaps.isEmpty()) throw new SensorGapException(out, gaps);
        return out;
    }

    /** Reads one GPU; returns null, or the note of a gap (an implausible counter step or power reading). */
    private String read(NvmlGpu g) throws NvmlException {
        long now = env.clock().monotonicNanos();
        if (g.source() == NvmlGpu.Source.COUNTER) {
            OptionalLong mj = nvml.totalEnergyMillijoules(g.device());
            if (mj.isEmpty()) throw NvmlException.of("nvmlDeviceGetTotalEnergyConsumption", NvmlError.NOT_SUPPORTED.code(),
                    "the energy counter stopped answering", g.id());
            return g.energy().counter(mj.getAsLong(), now, share(g));
        } else {
            OptionalLong mw = nvml.powerMilliwatts(g.device());
            if (mw.isEmpty()) throw NvmlException.of("nvmlDeviceGetPowerUsage", NvmlError.NOT_SUPPORTED.code(),
                    "the power reading stopped answering", g.id());
            return g.energy().power(mw.getAsLong() / 1000.0, now, share(g));
        }
    }

    /** The tree's share of {@code g} since the last poll; 1 in machine scope. */
    private double share(NvmlGpu g) throws NvmlException {
        if (tree == null) return 1;
        Optional<List<ProcessSample>> samples = g.hasProcessSamples() ? nvml.processSamples(g.device(), g.lastSeenMicros()) : Optional.empty();
        samples.ifPresent(g::sawSamples);
        GpuShare.Share s = GpuShare.of(samples, nvml.computeProcesses(g.device()), tree::contains);
        long now = env.clock().monotonicNanos();
        if (s.basis() == GpuShare.Basis.UTILISATION) {
            g.utilisationShare(s.fraction(), now);
        } else if (g.recentUtilisationShare(now, SHARE_HOLD).isPresent()) {
            // NVML samples processes every ~1/6 s to 1 s: an interval without a new sample keeps the last share
            s = new GpuShare.Share(g.recentUtilisationShare(now, SHARE_HOLD).getAsDouble(), GpuShare.Basis.UTILISATION);
        }
        g.basis(s.basis());
        return s.fraction();
    }

    @Override
    public synchronized Map<String, String> assumptions() {
        Map<String, String> m = new LinkedHashMap<>();
        for (NvmlGpu g : gpus) {
            m.put(g.id() + ".energy_source", g.source().label() + ": " + g.reason());
            if (g.isMig()) {
                m.put(g.id() + ".mig", "MIG mode: its instances share this GPU's power; the GPU's energy is counted once, not per instance");
            }
            if (g.isLost()) m.put(g.id() + ".status", g.lostNote());
            if (tree != null) m.put(g.id() + ".attribution", g.basisText());
        }
        if (tree != null) {
            m.put("gpu.attribution", "each interval's GPU energy is charged to the process tree of pid " + tree.rootPid()
                    + " by its share of the GPU's per-process SM utilisation (or, without samples, of its compute processes);"
                    + " a GPU the tree did not use is charged nothing; whole-device energy is reported alongside");
        }
        return m;
    }

    /** 100 ms (NVML's energy counter) when every GPU has a counter; 1 s (NVML's power average) when one integrates. */
    @Override
    public Duration updatePeriod() {
        for (NvmlGpu g : gpus) if (g.source() == NvmlGpu.Source.INTEGRATED) return POWER_AVERAGE;
        return COUNTER_UPDATE;
    }

    @Override
    public synchronized List<DeviceInfo> devices() {
        List<DeviceInfo> out = new ArrayList<>();
        for (NvmlGpu g : gpus) {
            long total = -1;
            long used = -1;
            double watts = Double.NaN;
            double limit = Double.NaN;
            String reason = g.reason();
            if (g.isLost()) {
                reason = g.lostNote();
            } else {
                try {
                    Optional<Memory> mem = nvml.memory(g.device());
                    if (mem.isPresent()) {
                        total = mem.get().totalBytes();
                        used = mem.get().usedBytes();
                    }
                    OptionalLong mw = nvml.powerMilliwatts(g.device());
                    if (mw.isPresent()) watts = mw.getAsLong() / 1000.0;
                    OptionalLong lim = nvml.enforcedPowerLimitMilliwatts(g.device());
                    if (lim.isPresent()) limit = lim.getAsLong() / 1000.0;
                    var range = nvml.powerLimitRange(g.device());
                    if (range.isPresent()) {
                        reason += "; power limit settable from " + range.get().minMilliwatts() / 1000 + " W to " + range.get().maxMilliwatts() / 1000 + " W";
                    }
                } catch (NvmlException e) {
                    reason += "; reading it failed: " + e.getMessage();
                }
            }
            if (g.isMig()) reason += "; MIG mode: instances share this GPU's power, counted once";
            out.add(new DeviceInfo("gpu", g.device().index(), g.name(), g.uuid(), total, used, watts, limit, g.source().label(), reason));
        }
        return out;
    }

    @Override
    public void close() {
        nvml.close();
    }
}
