package dev.wattiq.meter;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * A window boundary: a moment on the meter's clock and, once the meter has a reading at or after it, the counters at
 * that moment. A boundary taken by a synchronous poll is settled at once (its reading is the poll's); a stamped one
 * ({@link Meter#stampWindow}, {@link Window#endLater()}) is settled by the next reading, interpolated between the
 * readings just before and just after the stamp ({@link Reading#at}).
 */
final class Boundary {
    private final long nanos;
    private final Instant wall;
    final CompletableFuture<Reading> reading = new CompletableFuture<>();

    Boundary(long nanos, Instant wall) {
        this.nanos = nanos;
        this.wall = wall;
    }

    /** A boundary at a reading the caller took itself. */
    static Boundary of(Reading r) {
        Boundary b = new Boundary(r.monotonicNanos(), r.wallTime());
        b.reading.complete(r);
        return b;
    }

    long nanos() {
        return nanos;
    }

    /** Settles the boundary from the two consecutive readings of the meter's timeline around it. */
    void settle(Reading before, Reading after) {
        reading.complete(Reading.at(before, after, nanos, wall));
    }

    /** The counters at the boundary, waiting for the reading that settles it. */
    Reading join() {
        return reading.join();
    }
}
