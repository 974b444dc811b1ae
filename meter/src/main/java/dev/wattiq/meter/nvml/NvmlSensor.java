package dev.wattiq.meter.nvml;

import dev.wattiq.meter.EnergyCounter;
import dev.wattiq.meter.Method;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.SensorException;
import dev.wattiq.meter.SensorGapException;
import dev.wattiq.meter.gpu.GpuListing;
import dev.wattiq.meter.gpu.GpuSensor;
import dev.wattiq.meter.gpu.TrackedGpu;
import dev.wattiq.meter.nvml.NvmlTypes.Memory;
import dev.wattiq.meter.nvml.NvmlTypes.ProcessSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * being measured. What this shares with the other vendors' sensors is {@link GpuSensor}'s.
 */
public final class NvmlSensor extends GpuSensor<Nvml, NvmlGpu> {
    /** How long a utilisation share stands in for intervals without new per-process samples. */
    static final Duration SHARE_HOLD = Duration.ofSeconds(2);

    private NvmlSensor(Nvml nvml, SensorEnvironment env, List<NvmlGpu> gpus) {
        super("nvml", "gpu.attribution", NvmlGpu.COUNTER_UPDATE, NvmlGpu.POWER_AVERAGE, nvml, env, gpus);
    }

    /** Opens every GPU NVML sees and takes the first reading. Closes {@code nvml} if it fails. */
    public static NvmlSensor open(Nvml nvml, SensorEnvironment env) throws SensorException {
        return closingOnFailure(nvml, () -> {
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
        });
    }

    @Override
    protected String read(NvmlGpu g, long now) throws NvmlException {
        if (g.identity().source() == TrackedGpu.Source.COUNTER) {
            OptionalLong mj = library.totalEnergyMillijoules(g.device());
            if (mj.isEmpty()) throw NvmlException.of("nvmlDeviceGetTotalEnergyConsumption", NvmlError.NOT_SUPPORTED.code(),
                    "the energy counter stopped answering", g.identity().id());
            return g.energy().counter(mj.getAsLong(), now, share(g, now));
        } else {
            OptionalLong mw = library.powerMilliwatts(g.device());
            if (mw.isEmpty()) throw NvmlException.of("nvmlDeviceGetPowerUsage", NvmlError.NOT_SUPPORTED.code(),
                    "the power reading stopped answering", g.identity().id());
            return g.energy().power(mw.getAsLong() / 1000.0, now, share(g, now));
        }
    }

    @Override
    protected boolean meansLost(SensorException e) {
        return e instanceof NvmlException.GpuLost;
    }

    /** The tree's share of {@code g} since the last poll; 1 in machine scope. */
    private double share(NvmlGpu g, long now) throws NvmlException {
        if (tree == null) return 1;
        Optional<List<ProcessSample>> samples = g.hasProcessSamples() ? library.processSamples(g.device(), g.lastSeenMicros()) : Optional.empty();
        samples.ifPresent(g::sawSamples);
        GpuShare.Share s = GpuShare.of(samples, library.computeProcesses(g.device()), tree::contains);
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
    protected String attributionRule() {
        return "each interval's GPU energy is charged to the process tree of pid " + tree.rootPid()
                + " by its share of the GPU's per-process SM utilisation (or, without samples, of its compute processes);"
                + " a GPU the tree did not use is charged nothing; whole-device energy is reported alongside";
    }

    @Override
    protected void describe(NvmlGpu g, GpuListing listing) throws NvmlException {
        Optional<Memory> mem = library.memory(g.device());
        if (mem.isPresent()) listing.memory(mem.get().totalBytes(), mem.get().usedBytes());
        OptionalLong mw = library.powerMilliwatts(g.device());
        if (mw.isPresent()) listing.watts(mw.getAsLong() / 1000.0);
        OptionalLong lim = library.enforcedPowerLimitMilliwatts(g.device());
        if (lim.isPresent()) listing.limitWatts(lim.getAsLong() / 1000.0);
        var range = library.powerLimitRange(g.device());
        if (range.isPresent()) {
            listing.note("power limit settable from " + range.get().minMilliwatts() / 1000 + " W to " + range.get().maxMilliwatts() / 1000 + " W");
        }
    }

}
