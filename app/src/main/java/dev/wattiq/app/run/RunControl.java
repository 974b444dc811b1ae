package dev.wattiq.app.run;

import dev.wattiq.app.store.RunStore;
import dev.wattiq.app.store.RunWindow;
import dev.wattiq.app.store.StoreException;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.Window;
import dev.wattiq.meter.control.ControlLimits;
import dev.wattiq.meter.control.ControlServer;
import dev.wattiq.meter.control.ControlState;
import dev.wattiq.meter.control.WindowRecord;
import dev.wattiq.meter.control.Work;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The control channel of one {@code wattiq run}: bound before the command starts (its path goes into the command's
 * environment as {@code WATTIQ_CONTROL}), served once the meter runs, closed before the run's own window ends (so every
 * window lies inside the run). Windows that close are written to the store twice a second while the run goes on, so
 * {@code wattiq serve} shows them and a killed wattiq keeps them.
 */
public final class RunControl implements AutoCloseable {
    /** How often closed windows and the work counters are written to the store during the run. */
    static final long STORE_EVERY_MILLIS = 500;

    private final ControlServer server;
    private final String problem;
    private final ConcurrentLinkedQueue<WindowRecord> unstored = new ConcurrentLinkedQueue<>();
    private ControlState state;
    private ScheduledExecutorService writer;
    private RunStore store;
    private String runId;
    private int storedSeq;
    private Work storedWork = Work.NONE;
    private volatile String storeProblem;

    private RunControl(ControlServer server, String problem) {
        this.server = server;
        this.problem = problem;
    }

    /** Binds the channel; when that fails the run goes on without one, and {@link #notes()} says why. */
    public static RunControl bind(String runId) {
        try {
            return new RunControl(ControlServer.bind(System.getenv(), ControlLimits.DEFAULT, runId), null);
        } catch (IOException | RuntimeException e) {
            return new RunControl(null, "no control channel for windows from inside the command (" + e.getMessage() + ")");
        }
    }

    /** What to add to the command's environment. */
    public Map<String, String> environment() {
        return server == null ? Map.of() : Map.of(ControlServer.ENV, server.socketPath().toString());
    }

    /**
     * Starts answering, with the run's meter and window; {@code store} (null for none) receives closed windows as the
     * run goes on: pass it only once the run is begun in it.
     */
    public void serve(Meter meter, Window run, RunStore store, String runId) {
        if (server == null) return;
        this.store = store;
        this.runId = runId;
        state = new ControlState(meter, run, runId, ControlLimits.DEFAULT, store == null ? r -> { } : unstored::add);
        if (store != null) {
            writer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("wattiq-window-writer").unstarted(r));
            writer.scheduleWithFixedDelay(this::storeProgress, STORE_EVERY_MILLIS, STORE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        }
        server.serve(state);
    }

    /** What the command reported: its windows in order of start, its work, and the tags it gave the run. */
    public record Reported(List<RunWindow> windows, Work work, List<String> notes, Map<String, String> tags) {
    }

    /**
     * Closes the channel (windows still open are closed, with a note) and stops the live writes; call it when the
     * command has ended and before the run's window ends.
     */
    public Reported finish() {
        close();
        List<String> notes = new ArrayList<>();
        if (problem != null) notes.add(problem);
        if (state == null) return new Reported(List.of(), Work.NONE, notes, Map.of());
        List<RunWindow> windows = new ArrayList<>();
        for (WindowRecord r : state.windows()) windows.add(RunWindow.of(r));
        if (storeProblem != null) notes.add("windows were not stored while the run went on: " + storeProblem);
        int unhanded = state.listenerFailures();
        if (unhanded > 0) notes.add(unhanded + " window(s) were not handed to the store while the run went on (the window listener failed);"
                + " they are in this run's record");
        return new Reported(windows, state.work(), notes, state.tags());
    }

    private synchronized void storeProgress() {
        if (storeProblem != null) return;
        List<RunWindow> batch = new ArrayList<>();
        for (WindowRecord r; (r = unstored.poll()) != null; ) batch.add(RunWindow.of(r));
        Work work = state.work();
        if (batch.isEmpty() && work.equals(storedWork)) return;
        try {
            store.addWindows(runId, storedSeq, batch, work);
            storedSeq += batch.size();
            storedWork = work;
        } catch (StoreException | RuntimeException e) {
            storeProblem = e.getMessage();
        }
    }

    @Override
    public void close() {
        if (server != null) server.close();
        if (writer != null) {
            writer.shutdown();
            try {
                writer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
