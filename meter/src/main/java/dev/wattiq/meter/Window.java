package dev.wattiq.meter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A measurement window opened by {@link Meter#window(String)} (its start read now) or {@link Meter#stampWindow(String)}
 * (its start stamped now, read off the caller's thread). {@link #end()} takes the end reading and returns the
 * {@link Measurement}; {@link #endLater()} stamps the end and returns at once, the measurement following when the meter
 * has read past it. Ending twice returns the same measurement. Usable in try-with-resources.
 */
public final class Window implements AutoCloseable {
    private final Meter meter;
    private final String label;
    private final Boundary begin;
    private final List<String> notes = new ArrayList<>();
    private final Set<String> noted = new HashSet<>();
    private double peakWatts;
    private int samples;
    private final Object endLock = new Object();
    private Measurement result;
    private CompletableFuture<Measurement> later; // guarded by endLock
    private Boundary end; // guarded by endLock

    Window(Meter meter, String label, Boundary begin) {
        this.meter = meter;
        this.label = label;
        this.begin = begin;
    }

    public String label() {
        return label;
    }

    /** The counters at the start (waits for a stamped start to be settled: a sensor read at most). */
    Reading begin() {
        return begin.join();
    }

    /** The meter clock's monotonic time at the window's start, in nanoseconds (to place windows relative to each other). */
    public long startNanos() {
        return begin.nanos();
    }

    /** The meter clock's monotonic time at the window's end, in nanoseconds; -1 while it has not ended. */
    public long endNanos() {
        synchronized (endLock) {
            if (end != null) return end.nanos();
            return result != null ? begin.nanos() + result.duration().toNanos() : -1;
        }
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
        CompletableFuture<Measurement> pending;
        synchronized (endLock) {
            if (result != null) return result;
            if (later == null) {
                result = meter.finish(this);
                return result;
            }
            pending = later;
        }
        return pending.join(); // ended by endLater(): its measurement, once the meter has read past the end
    }

    /**
     * Ends the window now without reading any sensor (the end is stamped on the meter's clock) and returns its
     * measurement to come: complete once the meter has a reading after the end, on the meter's thread (keep what is
     * chained to it quick). After {@link #end()}, the measurement it returned. Later calls return the same future.
     */
    public CompletableFuture<Measurement> endLater() {
        synchronized (endLock) {
            if (later != null) return later;
            if (result != null) {
                later = CompletableFuture.completedFuture(result);
            } else {
                end = meter.stampEnd(this);
                later = begin.reading.thenCombine(end.reading, (b, e) -> meter.measure(this, b, e));
                later.thenAccept(m -> {
                    synchronized (endLock) {
                        result = m;
                    }
                });
            }
            return later;
        }
    }

    /**
     * The window's measurement from its start until now, without ending it (a fresh reading at this call, as at a
     * boundary); after {@link #end()}, the final measurement.
     */
    public Measurement sofar() {
        CompletableFuture<Measurement> pending;
        synchronized (endLock) {
            if (result != null) return result;
            if (later == null) return meter.sofar(this);
            pending = later;
        }
        return pending.join();
    }

    /** Ends the window if {@link #end()} was not called; for try-with-resources. */
    @Override
    public void close() {
        end();
    }
}
