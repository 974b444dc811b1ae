package dev.wattiq.meter.gpu;

import dev.wattiq.meter.DeviceInfo;
import dev.wattiq.meter.EnergyCounter;
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

/**
 * What every vendor's GPU sensor does the same way: each GPU with a source is read at every sample; a reading that
 * fails is a gap noted with the GPU's id; a GPU found lost freezes at its last reading, is noted, and the other GPUs
 * go on being measured; in process scope (with a root pid) each GPU reports the energy charged to the tree beside the
 * whole device's. The vendor subclass says how one GPU is read, which failures mean the GPU is gone, how the tree's
 * share is found, and what the device listing shows.
 *
 * @param <L> the vendor's library
 * @param <G> the vendor's tracked GPU
 */
public abstract class GpuSensor<L extends GpuLibrary, G extends TrackedGpu> implements Sensor {
    private final String name;
    private final String attributionKey;
    private final Duration counterUpdate;
    private final Duration powerAverage;
    /** The vendor's library, closed with the sensor. */
    protected final L library;
    protected final SensorEnvironment env;
    /** The measured process tree in process scope; null in machine scope. */
    protected final ProcessAncestry tree;
    protected final List<G> gpus;

    /**
     * @param name          the sensor's name
     * @param attributionKey the assumption key of {@link #attributionRule()}
     * @param counterUpdate how often the GPUs' energy counters update
     * @param powerAverage  the window of the power reading integrated where a GPU has no counter
     */
    protected GpuSensor(String name, String attributionKey, Duration counterUpdate, Duration powerAverage, L library,
                        SensorEnvironment env, List<G> gpus) {
        this.library = library;
        this.name = name;
        this.attributionKey = attributionKey;
        this.counterUpdate = counterUpdate;
        this.powerAverage = powerAverage;
        this.env = env;
        this.gpus = List.copyOf(gpus);
        this.tree = env.scope() == Scope.PROCESS && env.rootPid() > 0 ? new ProcessAncestry(env.procfsRoot(), env.rootPid()) : null;
    }

    /**
     * Reads one GPU at monotonic time {@code nowNanos} and adds the interval's energy (charged at the tree's share
     * when {@link #tree} is set).
     *
     * @return null, or the note of a gap (an implausible counter step or power reading)
     */
    protected abstract String read(G g, long nowNanos) throws SensorException;

    /** Whether a failed read means the GPU is gone for the rest of the run. */
    protected abstract boolean meansLost(SensorException e);

    /** The run-level assumption that says how GPU energy is charged to the tree (process scope only). */
    protected abstract String attributionRule();

    /** Fills in the listing of a GPU that is not lost: memory, power, limits. */
    protected abstract void describe(G g, GpuListing listing) throws SensorException;

    /** What opening a sensor does once its library is open. */
    @FunctionalInterface
    protected interface Opening<S> {
        S open() throws SensorException;
    }

    /** Runs {@code opening} on an open {@code library}, closing the library if it fails. */
    protected static <S> S closingOnFailure(GpuLibrary library, Opening<S> opening) throws SensorException {
        try {
            return opening.open();
        } catch (SensorException | RuntimeException e) {
            library.close();
            throw e;
        }
    }

    @Override
    public final String name() {
        return name;
    }

    /** The GPUs, in the library's index order. */
    public final List<G> gpus() {
        return gpus;
    }

    @Override
    public final synchronized List<EnergyCounter> poll() throws SensorException {
        long now = env.clock().monotonicNanos();
        Map<String, String> gaps = new LinkedHashMap<>();
        for (G g : gpus) {
            if (g.identity().source() == TrackedGpu.Source.NONE || g.isLost()) continue;
            try {
                String gap = read(g, now);
                if (gap != null) gaps.put(g.identity().id(), gap);
            } catch (SensorException e) {
                if (meansLost(e)) {
                    String note = g.identity().id() + " (" + g.identity().name() + ") was lost at " + env.clock().wallTime() + ": " + e.getMessage()
                            + "; its energy after that is missing, the other GPUs are still measured";
                    g.markLost(note);
                    gaps.put(g.identity().id(), note);
                } else {
                    gaps.put(g.identity().id(), e.getMessage());
                }
            }
        }
        List<EnergyCounter> out = new ArrayList<>(gpus.size());
        for (G g : gpus) {
            if (g.identity().source() == TrackedGpu.Source.NONE) continue;
            out.add(new EnergyCounter("gpu", g.identity().id(), g.joules(), tree == null ? g.joules() : g.attributedJoules(), g.identity().source().method()));
        }
        if (!gaps.isEmpty()) throw new SensorGapException(out, gaps);
        return out;
    }

    @Override
    public final synchronized Map<String, String> assumptions() {
        Map<String, String> m = new LinkedHashMap<>();
        for (G g : gpus) {
            m.put(g.identity().id() + ".energy_source", g.identity().source().label() + ": " + g.identity().reason());
            g.addAssumptions(m);
            if (g.isLost()) m.put(g.identity().id() + ".status", g.lostNote());
            if (tree != null) m.put(g.identity().id() + ".attribution", g.basisText());
        }
        if (tree != null) m.put(attributionKey, attributionRule());
        return m;
    }

    /** The counters' update period when every GPU has a counter; the power average's when one integrates. */
    @Override
    public final Duration updatePeriod() {
        for (G g : gpus) if (g.identity().source() == TrackedGpu.Source.INTEGRATED) return powerAverage;
        return counterUpdate;
    }

    @Override
    public final synchronized List<DeviceInfo> devices() {
        List<DeviceInfo> out = new ArrayList<>();
        for (G g : gpus) {
            GpuListing listing = new GpuListing(g.isLost() ? g.lostNote() : g.identity().reason());
            if (!g.isLost()) {
                try {
                    describe(g, listing);
                } catch (SensorException e) {
                    listing.note("reading it failed: " + e.getMessage());
                }
            }
            if (!g.listingNote().isEmpty()) listing.note(g.listingNote());
            out.add(listing.info(g));
        }
        return out;
    }

    @Override
    public final void close() {
        library.close();
    }
}
