package dev.wattiq.meter.amdsmi;

import dev.wattiq.meter.DeviceInfo;
import dev.wattiq.meter.EnergyCounter;
import dev.wattiq.meter.Method;
import dev.wattiq.meter.Scope;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.SensorException;
import dev.wattiq.meter.SensorGapException;
import dev.wattiq.meter.proc.ProcessAncestry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * AMD GPUs through AMD SMI. A GPU with an energy accumulator is read at every sample and at window boundaries, so a
 * window's energy is the accumulator's difference times its resolution ({@link Method#MEASURED}); one without has its
 * socket power held between reads and integrated ({@link Method#INTEGRATED}). In process scope each interval's energy is
 * charged to the tree by its part of the processes' graphics-engine time. A GPU that vanishes mid-run (AMD SMI answers
 * NOT_FOUND or the like) freezes at its last reading and the poll that finds it gone is a gap; the other GPUs go on.
 * Devices are {@code amd-gpu-N}, component {@code gpu}.
 */
public final class AmdSmiSensor implements Sensor {
    /** How often the SMU updates the accumulator (about every millisecond on MI200/MI300; 10 ms stated conservatively). */
    static final Duration COUNTER_UPDATE = Duration.ofMillis(10);
    /** AMD SMI's socket power is a ~1 s average on most GPUs. */
    static final Duration POWER_AVERAGE = Duration.ofSeconds(1);

    private final AmdSmi smi;
    private final SensorEnvironment env;
    private final ProcessAncestry tree;
    private final List<AmdGpu> gpus;

    private AmdSmiSensor(AmdSmi smi, SensorEnvironment env, List<AmdGpu> gpus) {
        this.smi = smi;
        this.env = env;
        this.gpus = List.copyOf(gpus);
        this.tree = env.scope() == Scope.PROCESS && env.rootPid() > 0 ? new ProcessAncestry(env.procfsRoot(), env.rootPid()) : null;
    }

    /** Opens every AMD GPU AMD SMI sees. Closes {@code smi} if it fails. */
    public static AmdSmiSensor open(AmdSmi smi, SensorEnvironment env) throws SensorException {
        try {
            List<AmdSmi.Gpu> found = smi.gpus();
            if (found.isEmpty()) throw new SensorException("amd-smi: AMD SMI (" + smi.library() + ") sees no AMD GPU: nothing to measure there");
            List<AmdGpu> gpus = new ArrayList<>();
            long now = env.clock().monotonicNanos();
            for (AmdSmi.Gpu g : found) gpus.add(AmdGpu.open(smi, g, now));
            return new AmdSmiSensor(smi, env, gpus);
        } catch (SensorException | RuntimeException e) {
            smi.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "amd-smi";
    }

    @Override
    public synchronized List<EnergyCounter> poll() throws SensorException {
        long now = env.clock().monotonicNanos();
        Map<String, String> gaps = new LinkedHashMap<>();
        for (AmdGpu g : gpus) {
            if (g.source() == AmdGpu.Source.NONE || g.isLost()) continue;
            try {
                String gap = g.read(smi, now, tree == null ? null : tree::contains);
                if (gap != null) gaps.put(g.id(), gap);
            } catch (AmdSmiException e) {
                if (e.gpuLost()) {
                    String note = g.id() + " (" + g.name() + ") vanished at " + env.clock().wallTime() + ": " + e.getMessage()
                            + "; its energy after that is missing, the other GPUs are still measured";
                    g.markLost(note);
                    gaps.put(g.id(), note);
                } else {
                    gaps.put(g.id(), e.getMessage());
                }
            }
        }
        List<EnergyCounter> out = counters();
        if (!gaps.isEmpty()) throw new SensorGapException(out, gaps);
        return out;
    }

    private List<EnergyCounter> counters() {
        List<EnergyCounter> out = new ArrayList<>(gpus.size());
        for (AmdGpu g : gpus) {
            if (g.source() == AmdGpu.Source.NONE) continue;
            Method m = g.source() == AmdGpu.Source.COUNTER ? Method.MEASURED : Method.INTEGRATED;
            out.add(new EnergyCounter("gpu", g.id(), g.joules(), tree == null ? g.joules() : g.attributedJoules(), m));
        }
        return out;
    }

    @Override
    public synchronized Map<String, String> assumptions() {
        Map<String, String> m = new LinkedHashMap<>();
        for (AmdGpu g : gpus) {
            m.put(g.id() + ".energy_source", g.source().label() + ": " + g.reason());
            if (g.isLost()) m.put(g.id() + ".status", g.lostNote());
            if (tree != null) m.put(g.id() + ".attribution", g.basisText());
        }
        if (tree != null) {
            m.put("amd_gpu.attribution", "each interval's AMD GPU energy is charged to the process tree of pid " + tree.rootPid()
                    + " by its part of the processes' graphics-engine time (or, without engine time, of the processes on the GPU);"
                    + " whole-device energy is reported alongside");
        }
        return m;
    }

    /** 10 ms when every GPU has an accumulator; 1 s (the socket power's average) when one integrates. */
    @Override
    public Duration updatePeriod() {
        for (AmdGpu g : gpus) if (g.source() == AmdGpu.Source.INTEGRATED) return POWER_AVERAGE;
        return COUNTER_UPDATE;
    }

    @Override
    public synchronized List<DeviceInfo> devices() {
        List<DeviceInfo> out = new ArrayList<>();
        for (AmdGpu g : gpus) {
            long total = -1;
            long used = -1;
            double watts = Double.NaN;
            double limit = Double.NaN;
            String reason = g.reason();
            if (g.isLost()) {
                reason = g.lostNote();
            } else {
                try {
                    OptionalLong t = smi.vramTotalBytes(g.gpu());
                    OptionalLong u = smi.vramUsedBytes(g.gpu());
                    if (t.isPresent()) total = t.getAsLong();
                    if (u.isPresent()) used = u.getAsLong();
                    Optional<AmdSmi.Power> p = smi.power(g.gpu());
                    if (p.isPresent()) watts = p.get().watts();
                    Optional<AmdSmi.PowerCap> cap = smi.powerCap(g.gpu());
                    if (cap.isPresent()) {
                        limit = cap.get().capWatts();
                        reason += "; power cap settable from " + fmt(cap.get().minWatts()) + " W to " + fmt(cap.get().maxWatts()) + " W";
                    }
                } catch (AmdSmiException e) {
                    reason += "; reading it failed: " + e.getMessage();
                }
            }
            out.add(new DeviceInfo("gpu", g.gpu().index(), g.name(), g.uuid(), total, used, watts, limit, g.source().label(), reason));
        }
        return out;
    }

    private static String fmt(double w) {
        return w == Math.rint(w) ? String.valueOf((long) w) : String.valueOf(w);
    }

    @Override
    public void close() {
        smi.close();
    }
}
