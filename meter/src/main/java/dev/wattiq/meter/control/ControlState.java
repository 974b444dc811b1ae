package dev.wattiq.meter.control;

import dev.wattiq.meter.Measurement;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.Window;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
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

    /**
     * @param meter   the run's meter
     * @param run     the run's window (open for the whole command)
     * @param runId   the run's id, told to clients that say hello
     * @param limits  bounds on windows per run and per client
     * @param onClose called after each window closes, on the closing connection's thread (keep it quick)
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

    /** Every window closed so far, in order of start. */
    public synchronized List<WindowRecord> windows() {
        List<WindowRecord> out = new ArrayList<>(closed);
        out.sort(Comparator.comparingDouble(WindowRecord::startSeconds));
        return out;
    }

    /** How many times the window listener threw (its windows are still in {@link #windows()}). */
    public synchronized int listenerFailures() {
        return listenerFailures;
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
        Window w = meter.window(name);
        return new Opened(name, w, work(), seconds(w.startNanos()));
    }

    WindowRecord close(Opened o, String note) {
        Measurement m = o.window().end();
        List<String> notes = new ArrayList<>(m.notes());
        if (note != null) notes.add(note);
        WindowRecord r = new WindowRecord(o.name(), o.startSeconds(), m, work().minus(o.workAtOpen()), notes);
        synchronized (this) {
            closed.add(r);
        }
        try {
            onClose.accept(r);
        } catch (RuntimeException e) {
            synchronized (this) {
                listenerFailures++; // the window is kept; only its live copy elsewhere (the store) is missing
            }
        }
        return r;
    }

    /** The run's measurement from its start to now (the run's window stays open). */
    Measurement sofar() {
        return run.sofar();
    }

    double seconds(long monotonicNanos) {
        return Math.max(0, monotonicNanos - run.startNanos()) / 1e9;
    }
}
