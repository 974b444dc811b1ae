package dev.wattiq.meter.gpu;

import dev.wattiq.meter.ChargedEnergy;
import dev.wattiq.meter.Method;
import java.util.Locale;
import java.util.Map;

/**
 * One GPU as a vendor sensor tracks it: what it is, where its energy comes from and why, its energy so far (whole
 * device and charged to the measured tree), and whether it was lost. The vendor subclass adds how it is read.
 * Guarded by the sensor's lock.
 */
public abstract class TrackedGpu {
    /** Where a GPU's energy comes from. */
    public enum Source {
        /** The GPU's own energy counter: a window's energy is its difference. */
        COUNTER,
        /** Polled power integrated over time. */
        INTEGRATED,
        /** Neither: listed, not measured. */
        NONE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** How a window's energy from this source is obtained. */
        public Method method() {
            return this == COUNTER ? Method.MEASURED : Method.INTEGRATED;
        }
    }

    /**
     * What a GPU is and how it is measured: fixed when the sensor opens it.
     *
     * @param index  the library's index of the GPU
     * @param id     the device id, e.g. {@code gpu-0}
     * @param name   the GPU's product name
     * @param uuid   its UUID, or null where the library gives none
     * @param source where its energy comes from
     * @param reason why that source (shown in the assumptions and the device listing)
     */
    public record Identity(int index, String id, String name, String uuid, Source source, String reason) {
    }

    private final Identity identity;
    private final ChargedEnergy energy = new ChargedEnergy();
    private String lostNote;

    protected TrackedGpu(Identity identity) {
        this.identity = identity;
    }

    public final Identity identity() {
        return identity;
    }

    /** Whole-device energy since the sensor opened, in joules. */
    public final double joules() {
        return energy.joules();
    }

    /** Energy charged to the measured tree, in joules (never more than {@link #joules()}). */
    public final double attributedJoules() {
        return energy.attributedJoules();
    }

    /** Where the vendor's reading adds each interval's energy and charges it at the tree's share. */
    protected final ChargedEnergy energySink() {
        return energy;
    }

    /** How the tree's share of this GPU was found over the last interval, in words. */
    public abstract String basisText();

    /** Marks the GPU lost for the rest of the run: it is read no more, and {@code note} says when and why. */
    public final void markLost(String note) {
        lostNote = note;
    }

    public final boolean isLost() {
        return lostNote != null;
    }

    /** Why the GPU was lost; null while it is not. */
    public final String lostNote() {
        return lostNote;
    }

    /** Vendor-specific assumptions about this GPU beyond its energy source (none by default). */
    protected void addAssumptions(Map<String, String> m) {
    }

    /** A note the device listing appends to this GPU's reason ("" by default). */
    protected String listingNote() {
        return "";
    }
}
