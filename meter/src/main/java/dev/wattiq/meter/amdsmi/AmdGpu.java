package dev.wattiq.meter.amdsmi;

import dev.wattiq.meter.PowerIntegral;
import dev.wattiq.meter.counter.CounterBounds;
import dev.wattiq.meter.counter.PlausibleCounter;
import dev.wattiq.meter.counter.PowerBound;
import dev.wattiq.meter.gpu.TrackedGpu;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * One AMD GPU as the sensor tracks it: what it is, its energy source and why, its energy (the accumulator's
 * differences held to the plausibility rule, or power held between reads and integrated), the graphics-engine time of
 * each process seen (for the tree's share), and whether it was lost. Guarded by the sensor's lock.
 */
final class AmdGpu extends TrackedGpu {
    /** How the tree's share was found over the last interval. */
    enum Basis { ENGINE_TIME, PROCESSES, NO_PROCESSES, UNSUPPORTED }

    /** How often the SMU updates the accumulator (about every millisecond on MI200/MI300; 10 ms stated conservatively). */
    static final Duration COUNTER_UPDATE = Duration.ofMillis(10);
    /** AMD SMI's socket power is a ~1 s average on most GPUs. */
    static final Duration POWER_AVERAGE = Duration.ofSeconds(1);
    static final Duration MAX_HOLD = Duration.ofSeconds(5);
    /** How long an engine-time share stands in for intervals in which no engine time moved. */
    static final Duration SHARE_HOLD = Duration.ofSeconds(2);
    private final AmdSmi.Gpu gpu;
    private final PowerBound bound;
    private final PlausibleCounter counter;
    private final PowerIntegral integral = new PowerIntegral(MAX_HOLD);
    private final Map<Long, Long> gfxNanos = new HashMap<>();
    private double lastIntegralJoules;
    private Basis basis;
    private double engineShare = Double.NaN;
    private long engineShareNanos;

    private AmdGpu(AmdSmi.Gpu gpu, String name, String uuid, Source source, String reason, PowerBound bound) {
        super(new Identity(gpu.index(), gpu.id(), name, uuid, source, reason));
        this.gpu = gpu;
        this.bound = bound;
        this.counter = PlausibleCounter.monotonic(gpu.id() + " (" + name + ")", PlausibleCounter.Unit.MICROJOULES, bound, COUNTER_UPDATE);
    }

    /** Asks the GPU what it can do (energy accumulator, else power) and takes the first reading. */
    static AmdGpu open(AmdSmi smi, AmdSmi.Gpu g, long nowNanos) throws AmdSmiException {
        String name = smi.marketName(g).orElse("AMD GPU " + g.index());
        String uuid = smi.uuid(g).orElse(null);
        Optional<AmdSmi.PowerCap> cap = smi.powerCap(g);
        PowerBound bound = CounterBounds.shipped().fromLimit(cap.map(AmdSmi.PowerCap::maxWatts).orElse(Double.NaN),
                "the largest power cap AMD SMI allows (amdsmi_get_power_cap_info max_power_cap)", "gpu");
        Optional<AmdSmi.EnergyCount> e = smi.energy(g);
        Source source;
        String reason;
        Optional<AmdSmi.Power> p = Optional.empty();
        if (e.isPresent()) {
            source = Source.COUNTER;
            reason = "AMD SMI energy accumulator (amdsmi_get_energy_count) x its resolution of " + e.get().resolutionMicroJoules()
                    + " µJ per count; a window's energy is the accumulator's difference";
        } else {
            String why = smi.has("amdsmi_get_energy_count")
                    ? "this GPU has no energy accumulator (AMDSMI_STATUS_NOT_SUPPORTED)"
                    : "this AMD SMI library has no amdsmi_get_energy_count";
            p = smi.power(g);
            if (p.isPresent()) {
                source = Source.INTEGRATED;
                reason = why + "; AMD SMI socket power (amdsmi_get_power_info " + p.get().field() + ", whole watts) held between reads"
                        + " and integrated at every sampling interval";
            } else {
                source = Source.NONE;
                reason = why + ", and it reports no power either: not measured";
            }
        }
        AmdGpu gpu = new AmdGpu(g, name, uuid, source, reason, bound);
        if (e.isPresent()) gpu.counter.update(e.get().microJoules(), nowNanos);
        if (p.isPresent()) {
            gpu.integral.add(p.get().watts(), nowNanos);
        }
        smi.processes(g).ifPresent(ps -> ps.forEach(x -> gpu.gfxNanos.put(x.pid(), x.gfxNanos())));
        return gpu;
    }

    /**
     * Reads the GPU once and adds the interval's energy, charged at the tree's share.
     *
     * @return null, or the note of a gap (an implausible step or reading)
     */
    String read(AmdSmi smi, long nowNanos, LongPredicate inTree) throws AmdSmiException {
        double delta;
        String gap = null;
        if (identity().source() == Source.COUNTER) {
            AmdSmi.EnergyCount e = smi.energy(gpu).orElseThrow(() -> AmdSmiException.of("amdsmi_get_energy_count",
                    AmdSmiStatus.NOT_SUPPORTED.code(), "the energy accumulator stopped answering", gpu.id()));
            double before = counter.totalJoules();
            if (counter.update(e.microJoules(), nowNanos) instanceof PlausibleCounter.Step.Gap g) gap = g.note();
            delta = counter.totalJoules() - before;
        } else {
            AmdSmi.Power p = smi.power(gpu).orElseThrow(() -> AmdSmiException.of("amdsmi_get_power_info",
                    AmdSmiStatus.NOT_SUPPORTED.code(), "the power reading stopped answering", gpu.id()));
            if (p.watts() > bound.watts()) {
                gap = gpu.id() + " (" + identity().name() + "): power reading of " + p.watts() + " W, above its bound of " + bound + ": not used";
            } else {
                integral.add(p.watts(), nowNanos);
            }
            double j = integral.joulesAt(nowNanos);
            delta = j - lastIntegralJoules;
            lastIntegralJoules = j;
        }
        double share = inTree == null ? 1 : share(smi, inTree, nowNanos);
        if (delta > 0) {
            energySink().add(delta);
            energySink().settle(share);
        }
        return gap;
    }

    /**
     * The tree's share of the GPU since the last read: its part of the processes' graphics-engine time. An interval in
     * which no engine time moved (the driver updates it less often than a fast meter reads) keeps the last such share
     * for up to {@link #SHARE_HOLD}; after that, its part of the processes on the GPU.
     */
    private double share(AmdSmi smi, LongPredicate inTree, long nowNanos) throws AmdSmiException {
        Optional<List<AmdSmi.Process>> ps = smi.processes(gpu);
        if (ps.isEmpty()) {
            basis = Basis.UNSUPPORTED;
            return 0;
        }
        long all = 0;
        long tree = 0;
        long treeProcs = 0;
        Map<Long, Long> now = new HashMap<>();
        for (AmdSmi.Process p : ps.get()) {
            long d = Math.max(0, p.gfxNanos() - gfxNanos.getOrDefault(p.pid(), 0L));
            now.put(p.pid(), p.gfxNanos());
            boolean mine = inTree.test(p.pid());
            all += d;
            if (mine) {
                tree += d;
                treeProcs++;
            }
        }
        gfxNanos.clear();
        gfxNanos.putAll(now);
        if (all > 0) {
            basis = Basis.ENGINE_TIME;
            engineShare = (double) tree / all;
            engineShareNanos = nowNanos;
            return engineShare;
        }
        if (!ps.get().isEmpty() && !Double.isNaN(engineShare) && nowNanos - engineShareNanos <= SHARE_HOLD.toNanos()) return engineShare;
        basis = ps.get().isEmpty() ? Basis.NO_PROCESSES : Basis.PROCESSES;
        return ps.get().isEmpty() ? 0 : (double) treeProcs / ps.get().size();
    }

    AmdSmi.Gpu gpu() {
        return gpu;
    }

    @Override
    public String basisText() {
        if (basis == null) return "not yet sampled";
        return switch (basis) {
            case ENGINE_TIME -> "by the processes' graphics-engine time (amdsmi_get_gpu_process_list engine_usage.gfx)";
            case PROCESSES -> "by share of the processes on the GPU (no engine time in the last interval)";
            case NO_PROCESSES -> "no process on the GPU: nothing charged to the tree";
            case UNSUPPORTED -> "AMD SMI lists no processes here (amdsmi_get_gpu_process_list absent or unsupported): nothing charged to the tree";
        };
    }
}
