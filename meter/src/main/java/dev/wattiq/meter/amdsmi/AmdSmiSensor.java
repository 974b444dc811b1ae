package dev.wattiq.meter.amdsmi;

import dev.wattiq.meter.Method;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.SensorException;
import dev.wattiq.meter.gpu.GpuListing;
import dev.wattiq.meter.gpu.GpuSensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * AMD GPUs through AMD SMI. A GPU with an energy accumulator is read at every sample and at window boundaries, so a
 * window's energy is the accumulator's difference times its resolution ({@link Method#MEASURED}); one without has its
 * socket power held between reads and integrated ({@link Method#INTEGRATED}). In process scope each interval's energy is
 * charged to the tree by its part of the processes' graphics-engine time. A GPU that vanishes mid-run (AMD SMI answers
 * NOT_FOUND or the like) freezes at its last reading and the poll that finds it gone is a gap; the other GPUs go on.
 * Devices are {@code amd-gpu-N}, component {@code gpu}. What this shares with NVML's sensor is {@link GpuSensor}'s.
 */
public final class AmdSmiSensor extends GpuSensor<AmdSmi, AmdGpu> {

    private AmdSmiSensor(AmdSmi smi, SensorEnvironment env, List<AmdGpu> gpus) {
        super("amd-smi", "amd_gpu.attribution", AmdGpu.COUNTER_UPDATE, AmdGpu.POWER_AVERAGE, smi, env, gpus);
    }

    /** Opens every AMD GPU AMD SMI sees. Closes {@code smi} if it fails. */
    public static AmdSmiSensor open(AmdSmi smi, SensorEnvironment env) throws SensorException {
        return closingOnFailure(smi, () -> {
            List<AmdSmi.Gpu> found = smi.gpus();
            if (found.isEmpty()) throw new SensorException("amd-smi: AMD SMI (" + smi.library() + ") sees no AMD GPU: nothing to measure there");
            List<AmdGpu> gpus = new ArrayList<>();
            long now = env.clock().monotonicNanos();
            for (AmdSmi.Gpu g : found) gpus.add(AmdGpu.open(smi, g, now));
            return new AmdSmiSensor(smi, env, gpus);
        });
    }

    @Override
    protected String read(AmdGpu g, long now) throws AmdSmiException {
        return g.read(library, now, tree == null ? null : tree::contains);
    }

    @Override
    protected boolean meansLost(SensorException e) {
        return e instanceof AmdSmiException a && a.gpuLost();
    }

    @Override
    protected String attributionRule() {
        return "each interval's AMD GPU energy is charged to the process tree of pid " + tree.rootPid()
                + " by its part of the processes' graphics-engine time (or, without engine time, of the processes on the GPU);"
                + " whole-device energy is reported alongside";
    }

    @Override
    protected void describe(AmdGpu g, GpuListing listing) throws AmdSmiException {
        OptionalLong t = library.vramTotalBytes(g.gpu());
        OptionalLong u = library.vramUsedBytes(g.gpu());
        listing.memory(t.orElse(-1), u.orElse(-1));
        Optional<AmdSmi.Power> p = library.power(g.gpu());
        if (p.isPresent()) listing.watts(p.get().watts());
        Optional<AmdSmi.PowerCap> cap = library.powerCap(g.gpu());
        if (cap.isPresent()) {
            listing.limitWatts(cap.get().capWatts());
            listing.note("power cap settable from " + fmt(cap.get().minWatts()) + " W to " + fmt(cap.get().maxWatts()) + " W");
        }
    }

    private static String fmt(double w) {
        return w == Math.rint(w) ? String.valueOf((long) w) : String.valueOf(w);
    }

}
