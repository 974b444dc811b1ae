package dev.wattiq.app.run;

import dev.wattiq.app.store.RunStore;
import dev.wattiq.app.store.StoreException;
import dev.wattiq.app.store.StoredSample;
import dev.wattiq.meter.PowerSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves power samples from the meter's sampler thread to the store. {@link #offer} never blocks (a full queue drops
 * the sample and counts it); a writer thread commits what arrived at least every {@code flushEvery}, so a
 * {@code kill -9} of wattiq loses at most that much of the timeline. A batch the store refuses (another process held
 * the write lock past the busy timeout) is kept and tried again with the next one; only a batch still refused when
 * the writer closes is reported.
 */
public final class SampleWriter implements AutoCloseable {
    private static final int CAPACITY = 1 << 16;

    private final RunStore store;
    private volatile String runId;
    private final Duration flushEvery;
    private final BlockingQueue<StoredSample> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong seq = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String error;
    private final List<StoredSample> pending = new ArrayList<>(); // refused so far, oldest first; the writer's own
    private String lastFailure;

    /** A writer whose queue collects samples from now on; nothing is written before {@link #start(String)}. */
    public SampleWriter(RunStore store, Duration flushEvery) {
        this.store = store;
        this.flushEvery = flushEvery;
        this.thread = Thread.ofPlatform().daemon().name("wattiq-sample-writer").unstarted(this::loop);
    }

    /** Starts writing the queued and later samples to run {@code runId}, which the store already has. */
    public SampleWriter start(String runId) {
        this.runId = runId;
        thread.start();
        return this;
    }

    /** Called on the sampler thread: hands the sample over without blocking. */
    public void offer(PowerSample s) {
        StoredSample stored = new StoredSample(seq.getAndIncrement(), s.wallTime(), s.intervalSeconds(), s.totalWatts(), s.wattsByComponent(), s.gap());
        if (!queue.offer(stored)) dropped.incrementAndGet();
    }

    private void loop() {
        long period = flushEvery.toNanos();
        while (running) {
            long deadline = System.nanoTime() + period;
            List<StoredSample> batch = new ArrayList<>();
            try {
                while (running) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) break;
                    StoredSample s = queue.poll(left, TimeUnit.NANOSECONDS);
                    if (s != null) {
                        batch.add(s);
                        queue.drainTo(batch);
                    }
                }
            } catch (InterruptedException e) {
                running = false;
            }
            write(batch);
        }
    }

    private synchronized void write(List<StoredSample> batch) {
        pending.addAll(batch);
        if (pending.isEmpty() || error != null) return;
        try {
            store.appendSamples(runId, pending);
            pending.clear();
            lastFailure = null;
        } catch (StoreException e) {
            lastFailure = e.getMessage(); // kept: the next flush tries again with it (in order: seq is the key)
            if (pending.size() >= CAPACITY) { // so long refused that it would grow without bound: stop trying
                dropped.addAndGet(pending.size());
                pending.clear();
                error = lastFailure;
            }
        }
    }

    /** Stops the writer and commits every sample still queued. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<StoredSample> rest = new ArrayList<>();
        queue.drainTo(rest);
        write(rest);
        synchronized (this) {
            if (!pending.isEmpty() && error == null) error = lastFailure;
        }
    }

    public long dropped() {
        return dropped.get();
    }

    /** The first store failure, or null. */
    public String error() {
        return error;
    }
}
