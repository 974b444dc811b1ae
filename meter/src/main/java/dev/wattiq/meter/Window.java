package dev.wattiq.meter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A measurement window opened by {@link Meter#window(String)}. {@link #end()} takes the end reading and returns the
 * {@link Measurement}; ending twice returns the same measurement. Usable in try-with-resources.
 */
public final class Window implements AutoCloseable {
    private final Meter meter;
    private final String label;
    private final Reading begin;
    private final List<String> notes = new ArrayList<>();
    private final Set<String> noted = new HashSet<>();
    private double peakWatts;
    private int samples;
    private final Object endLock = new Object();
    private Measurement result;

    Window(Meter meter, String label, Reading begin) {
        this.meter = meter;
        this.label = label;
        this.begin = begin;
    }

    public String label() {
        return label;
    }

    Reading begin() {
        return begin;
    }

    /** The meter clock's monotonic time at the window's start, in nanoseconds (to place windows relative to each other). */
    public long startNanos() {
        return begin.monotonicNanos();
    }

    synchronized void observe(PowerSample s) {
        samples++;
        if (s.totalWatts() > peakWatts) peakWatts = s.totalWatts();
    }

    synchronized void noteOnce(String key, String note) {
        if (noted.add(key)) notes.add(note);
    }

    synchronized double peakWatts() {
        return peakWatts;
    }

    synchronized int samples() {
        return samples;
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * Ends the window (the first call) and returns its measurement; later calls return the same one.
     * Guarded by its own lock, never by the window's monitor: the sampler thread takes the meter's poll lock and then
     * the monitor (to {@link #observe}), so holding the monitor while ending (which polls) would deadlock.
     */
    public Measurement end() {
        synchronized (endLock) {
            if (result == null) result = meter.finish(this);
            return result;
        }
    }

    /**
     * The window's measurement from its start until now, without ending it (a fresh reading at this call, as at a
     * boundary); after {@link #end()}, the final measurement.
     */
    public Measurement sofar() {
        synchronized (endLock) {
            return result != null ? result : meter.sofar(this);
        }
    }

    /** Ends the window if {@link #end()} was not called; for try-with-resources. */
    @Override
    public void close() {
        end();
    }
}
