package dev.wattiq.app.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where runs and their power samples are kept. SQLite ({@link SqliteRunStore}) on one machine; the interface is
 * small so a shared database (e.g. PostgreSQL, for reports across a job's nodes) can implement it too.
 * Every method may be called from any thread; implementations serialise access.
 */
public interface RunStore extends AutoCloseable {
    /** Records a run that has just started, with status {@code running}. */
    void begin(RunStart start) throws StoreException;

    /** Appends samples to a running run and commits them (durable once this returns). */
    void appendSamples(String runId, List<StoredSample> samples) throws StoreException;

    /**
     * Records windows of a running run as they close, numbered from {@code firstSeq}, with the run's work so far: visible
     * to {@code wattiq serve} at once, and kept if wattiq is killed. {@link #finish} replaces them with the final list.
     */
    void addWindows(String runId, int firstSeq, List<RunWindow> windows, dev.wattiq.meter.control.Work work) throws StoreException;

    /** One run's windows, in order of start. */
    List<RunWindow> windows(String runId) throws StoreException;

    /** Records the run's final figures and status. */
    void finish(RunRecord record) throws StoreException;

    /**
     * Marks runs still {@code running} whose owner process is provably gone as {@code incomplete}, with the energy of
     * the samples stored up to the owner's last flush; atomic and idempotent under concurrent starts, never touching
     * a live owner's run. Returns the ids this call marked. Never fails: problems go to {@link #warnings()}.
     */
    List<String> recoverAbandoned();

    /** Problems met while opening the store that did not stop it (e.g. recovering abandoned runs), for the user to see. */
    default List<String> warnings() {
        return List.of();
    }

    /**
     * Attaches tags to a run after the fact (e.g. its accuracy once known): kept with its labels, a tag replacing a label
     * of the same key. The run must exist (see {@link #find}).
     */
    void tag(String runId, java.util.Map<String, String> tags) throws StoreException;

    /** Every run, newest first, without samples, devices, assumptions or notes. */
    List<RunRecord> list(int limit) throws StoreException;

    /** The run with this id, or the only run whose id starts with it; empty when none. */
    Optional<RunRecord> find(String idOrPrefix) throws StoreException;

    /** Every run of one job (all ranks and nodes that recorded into this store), oldest first, with devices and notes. */
    List<RunRecord> job(String job) throws StoreException;

    /** Streams a run's samples in order. */
    void forEachSample(String runId, Consumer<StoredSample> action) throws StoreException;

    /** A human name for where the store is, for messages (e.g. its file). */
    String location();

    @Override
    void close();
}
