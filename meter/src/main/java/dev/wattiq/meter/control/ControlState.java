package dev.wattiq.meter.control;

import dev.wattiq.meter.Measurement;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.Window;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * What every control connection of one run shares: the meter, the run's own window (the origin of {@code start_s}
 * and the energy "so far"), the run's work counters and the windows closed so far. Thread-safe.
 */
public final class ControlState {
    private final Meter meter;
    private final Window run;
    private final String runId;
    private final ControlLimits limits;
    private final Consumer<WindowRecord> onClose;
    private final List<WindowRecord> closed = new ArrayList<>();
    private Work work = Work.NONE;
    private int windowsUsed;
    private int listenerFailures;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private int measuring; // windows closed whose energy the meter has not settled yet

    /**
     * @param meter   the run's meter
     * @param run     the run's window (open for the whole command)
     * @param runId   the run's id, told to clients that say hello
     * @param limits  bounds on windows per run and per client
     * @param onClose called once each closed window's energy is known, on the meter's thread (keep it quick)
     */
    public ControlState(Meter meter, Window run, String runId, ControlLimits limits, Consumer<WindowRecord> onClose) {
        this.meter = Objects.requireNonNull(meter, "meter");
        this.run = Objects.requireNonNull(run, "run");
        this.runId = runId;
        this.limits = Objects.requireNonNull(limits, "limits");
        this.onClose = onClose == null ? r -> { } : onClose;
    }

    public ControlLimits limits() {
        return limits;
    }

    String runId() {
        return runId;
    }

    /** The run's work so far. */
    public synchronized Work work() {
        return work;
    }

    /**
     * Every window closed so far, in order of start: waits (at most {@code MEASURE_WAIT_MILLIS}) for the energy of
     * windows just closed, which the meter settles with its next reading.
     */
    public synchronized List<WindowRecord> windows() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MEASURE_WAIT_MILLIS);
        while (measuring > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) break;
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<WindowRecord> out = new ArrayList<>(closed);
        out.sort(Comparator.comparingDouble(WindowRecord::startSeconds));
        return out;
    }

    /** How long {@link #windows()} and op "window" wait for a closed window's energy (a sensor reading). */
    static final long MEASURE_WAIT_MILLIS = 5_000;

    /** How many times the window listener threw (its windows are still in {@link #windows()}). */
    public synchronized int listenerFailures() {
        return listenerFailures;
    }

    /** Tags a run may be given from inside (distinct keys; a key again replaces its value). */
    public static final int MAX_TAGS = 64;

    /** The tags given from inside the job so far, in the order first given. */
    public synchronized Map<String, String> tags() {
        return new LinkedHashMap<>(tags);
    }

    synchronized void tag(String key, String value) {
        if (!tags.containsKey(key) && tags.size() >= MAX_TAGS) {
            throw new ControlException("tag '" + ControlJson.clip(key) + "' not kept: this run has " + MAX_TAGS
                    + " tags already; tag results (e.g. accuracy), not every step");
        }
        tags.put(key, value);
    }

    synchronized Work addWork(Work w) {
        work = work.plus(w); // throws before changing anything when a count would overflow
        return work;
    }

    /** A window open on one connection: the meter's window and the run's work when it opened. */
    record Opened(String name, Window window, Work workAtOpen, double startSeconds) {
    }

    Opened open(String name) {
        synchronized (this) {
            if (windowsUsed >= limits.maxWindows()) {
                throw new ControlException("window '" + ControlJson.clip(name) + "' not opened: this run has reached its limit of "
                        + limits.maxWindows() + " windows; measure coarser units (an epoch rather than a step)");
            }
            windowsUsed++;
        }
        Window w = meter.stampWindow(name); // no sensor read here: the reply never waits for hardware
        return new Opened(name, w, work(), seconds(w.startNanos()));
    }

    /**
     * A window just closed: what is known at once (its stamps and the work between them) and its record, complete when
     * the meter has read past its end.
     */
    record Closing(String name, double startSeconds, double durationSeconds, Work work, CompletableFuture<WindowRecord> record) {
        /** The record, waiting for the meter's reading (bounded). */
        WindowRecord await() {
            try {
                return record.get(MEASURE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new ControlException("window '" + ControlJson.clip(name) + "': no sensor reading within " + MEASURE_WAIT_MILLIS
                        + " ms (a sensor hangs?); its energy is stored with the run when the reading comes");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ControlException("wattiq is stopping: no energy to report");
            } catch (java.util.concurrent.ExecutionException e) {
                throw new ControlException("window '" + ControlJson.clip(name) + "' could not be measured: " + e.getCause());
            }
        }
    }

    Closing close(Opened o, String note) {
        Window w = o.window();
        CompletableFuture<Measurement> measured = w.endLater(); // stamps the end: no sensor read here either
        Work work = work().minus(o.workAtOpen());
        double duration = java.time.Duration.ofNanos(w.endNanos() - w.startNanos()).toNanos() / 1e9;
        synchronized (this) {
            measuring++;
        }
        CompletableFuture<WindowRecord> record = measured.handle((m, failed) -> {
            WindowRecord r = null;
            if (m != null) {
                List<String> notes = new ArrayList<>(m.notes());
                if (note != null) notes.add(note);
                r = new WindowRecord(o.name(), o.startSeconds(), m, work, notes);
            }
            boolean listenerFailed = false;
            if (r != null) {
                try {
                    onClose.accept(r); // before windows() can return it: a finished run's listener has seen every window
                } catch (RuntimeException e) {
                    listenerFailed = true; // the window is kept; only its live copy elsewhere (the store) is missing
                }
            }
            synchronized (this) {
                measuring--;
                if (r != null) closed.add(r);
                if (listenerFailed) listenerFailures++;
                notifyAll();
            }
            if (r == null) throw new java.util.concurrent.CompletionException(failed);
            return r;
        });
        return new Closing(o.name(), o.startSeconds(), duration, work, record);
    }

    /** The run's measurement from its start to now (the run's window stays open). */
    Measurement sofar() {
        return run.sofar();
    }

    double seconds(long monotonicNanos) {
        return Math.max(0, monotonicNanos - run.startNanos()) / 1e9;
    }
}
