package dev.wattiq.meter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A meter's one timeline: its readings in the order they were taken, and the window boundaries stamped between them
 * ({@link Meter class notes}). Stamps and readings are ordered under one short lock (a clock read and a few
 * assignments, never a sensor), so every pending stamp lies between the reading before it and the next one, which
 * settles it ({@link Reading#at}).
 *
 * <p>A boundary thread (started by the first stamp) asks the meter for that next reading, no more often than the
 * sensors update ({@code spacingNanos}: their update period, at most {@link #MAX_BOUNDARY_SPACING_NANOS}). Reading
 * sooner would not see the counters move, only spend a CPU that the job and the control channel's replies need: at
 * thousands of windows a second one reading settles every stamp that came in the meantime, at the same error bound.
 */
final class Timeline {
    static final long MAX_BOUNDARY_SPACING_NANOS = 10_000_000L;

    private final Clock clock;
    /** The least time between two readings the boundary thread asks for (System.nanoTime, not the meter's clock). */
    private final long spacingNanos;
    /** The meter's reading at a boundary: it reads every sensor and places the reading here ({@link #add}). */
    private final Runnable read;
    private final Object lock = new Object();
    private volatile Reading latest; // written under lock
    private List<Boundary> pending = new ArrayList<>(); // guarded by lock
    private boolean closed; // guarded by lock
    private Thread thread; // guarded by lock; started by the first stamp

    Timeline(Clock clock, long updatePeriodNanos, Runnable read) {
        this.clock = clock;
        this.spacingNanos = Math.min(updatePeriodNanos, MAX_BOUNDARY_SPACING_NANOS);
        this.read = read;
    }

    /** The most recent reading (null before the first). */
    Reading latest() {
        return latest;
    }

    /** A boundary at the clock's now, settled by the next reading (taken soon on the boundary thread). */
    Boundary stamp() {
        Boundary b;
        Thread wake;
        synchronized (lock) {
            b = new Boundary(clock.monotonicNanos(), clock.wallTime());
            if (closed) {
                b.settle(latest, latest); // the meter has stopped: its energy ends at its last reading
                return b;
            }
            pending.add(b);
            if (thread == null) {
                thread = Thread.ofPlatform().daemon().name("wattiq-boundary").unstarted(this::boundaryLoop);
                thread.start();
            }
            // only the first stamp of a batch wakes the thread: with stamps pending it is awake or waiting out the
            // spacing, and looks again before it parks
            wake = pending.size() == 1 ? thread : null;
        }
        if (wake != null) LockSupport.unpark(wake);
        return b;
    }

    /** A reading placed on the timeline: the one before it, and the stamps between the two, which it settles. */
    record Step(Reading before, Reading reading, List<Boundary> due) {
        /**
         * Settles the stamps (call it outside the meter's locks: what waits on them runs here). A batch (every stamp
         * of one spacing, ~80 windows at a window per 100 us) is a burst of CPU on this thread; yielding between
         * boundaries lets a control connection's thread woken on this CPU answer its client at once instead of after
         * the burst (measured on 2 vCPUs: closes of 1.2-2 ms every ~10 ms without, gone with; docs/python.md).
         */
        void settle() {
            for (Boundary b : due) {
                b.settle(before, reading);
                if (due.size() > 1) Thread.yield();
            }
        }
    }

    /** Places a reading of these counters, taken now, on the timeline. */
    Step add(List<EnergyCounter> counters) {
        synchronized (lock) {
            Reading r = new Reading(clock.monotonicNanos(), clock.wallTime(), counters);
            Reading before = latest;
            latest = r;
            List<Boundary> due = List.of();
            if (!pending.isEmpty()) {
                due = pending; // every pending stamp lies between the last reading and this one
                pending = new ArrayList<>();
            }
            return new Step(before, r, due);
        }
    }

    /**
     * Takes no more stamps (later ones settle at the last reading) and stops the boundary thread. True when stamps
     * are still pending: the caller settles them with a last reading.
     */
    boolean close() {
        Thread boundaries;
        boolean settle;
        synchronized (lock) {
            closed = true;
            boundaries = thread;
            settle = !pending.isEmpty();
        }
        if (boundaries != null) {
            LockSupport.unpark(boundaries);
            try {
                boundaries.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return settle;
    }

    private void boundaryLoop() {
        long lastRead = System.nanoTime() - spacingNanos;
        while (true) {
            boolean due;
            synchronized (lock) {
                if (closed) return;
                due = !pending.isEmpty();
            }
            long early = lastRead + spacingNanos - System.nanoTime();
            if (!due) {
                LockSupport.park(this);
            } else if (early > 0) {
                LockSupport.parkNanos(this, early);
            } else {
                read.run();
                lastRead = System.nanoTime();
            }
        }
    }
}
