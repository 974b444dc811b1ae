package dev.wattiq.app.serve;

import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.RunStore;
import dev.wattiq.app.store.StoreException;
import dev.wattiq.meter.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The store as {@code wattiq serve} shows it: the recent runs list is re-read by one background thread every
 * {@code refresh}, so {@code /metrics} and {@code /api/runs} answer from memory whatever the request rate.
 * Single runs (with their samples) are read on demand, under the store's own lock.
 */
public final class StoreView implements AutoCloseable {
    /** How many runs {@code /api/runs} and the runs metrics consider. */
    public static final int LIST_LIMIT = 200;

    private final RunStore store;
    private final Clock clock;
    private final ScheduledExecutorService refresher;
    private volatile Snapshot snapshot = new Snapshot(List.of(), null, null);

    /**
     * The latest list read.
     *
     * @param runs     newest first, at most {@link #LIST_LIMIT}
     * @param readAt   when this list was read (later re-reads that found it unchanged keep it), or null before the first read
     * @param problem  why the last read failed, or null
     */
    public record Snapshot(List<RunRecord> runs, Instant readAt, String problem) {
    }

    public StoreView(RunStore store, Duration refresh) {
        this(store, refresh, Clock.system());
    }

    /** A view of {@code store} re-read every {@code refresh}; {@code clock} stamps each read. */
    public StoreView(RunStore store, Duration refresh, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("wattiq-store-view").unstarted(r));
        refreshNow();
        refresher.scheduleWithFixedDelay(this::refreshNow, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Re-reads the list now (also called by the background thread). A re-read that finds the same list keeps the
     * snapshot it had, so what is rendered from a snapshot ({@code /api/runs}, the run series of {@code /metrics})
     * is rendered again only when a run changed, not once a second.
     */
    public void refreshNow() {
        try {
            List<RunRecord> runs = withLiveWindows(store.list(LIST_LIMIT));
            Snapshot last = snapshot;
            if (last.problem() == null && last.readAt() != null && last.runs().equals(runs)) return;
            snapshot = new Snapshot(runs, clock.wallTime(), null);
        } catch (StoreException | RuntimeException e) {
            snapshot = new Snapshot(snapshot.runs(), snapshot.readAt(), e.getMessage());
        }
    }

    /** The list, the runs in progress with the windows they closed so far ({@code /metrics} exports them). */
    private List<RunRecord> withLiveWindows(List<RunRecord> runs) throws StoreException {
        List<RunRecord> out = new java.util.ArrayList<>(runs.size());
        for (RunRecord r : runs) out.add("running".equals(r.status()) ? r.withWindows(store.windows(r.runId()), r.work()) : r);
        return List.copyOf(out);
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** One run with its devices and notes. */
    public Optional<RunRecord> find(String id) throws StoreException {
        return store.find(id);
    }

    /** One run's samples, at most {@code max} of them (evenly thinned beyond that). */
    public List<dev.wattiq.app.store.StoredSample> samples(String runId, long count, int max) throws StoreException {
        List<dev.wattiq.app.store.StoredSample> out = new java.util.ArrayList<>();
        long every = Math.max(1, (count + max - 1) / Math.max(1, max));
        long[] i = {0};
        store.forEachSample(runId, s -> {
            if (i[0]++ % every == 0) out.add(s);
        });
        return out;
    }

    public String location() {
        return store.location();
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
