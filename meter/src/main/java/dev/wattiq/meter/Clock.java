package dev.wattiq.meter;

import java.time.Instant;

/**
 * The meter's only source of time, injected so tests never sleep (after Micrometer's {@code Clock}).
 * Monotonic time measures durations; wall time stamps records.
 */
public interface Clock {
    /** Monotonic nanoseconds, only meaningful as differences. */
    long monotonicNanos();

    /** Wall-clock time. */
    Instant wallTime();

    /** The JVM's clocks: {@link System#nanoTime()} and {@link Instant#now()}. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }

    enum SystemClock implements Clock {
        INSTANCE;

        @Override
        public long monotonicNanos() {
            return System.nanoTime();
        }

        @Override
        public Instant wallTime() {
            return Instant.now();
        }
    }
}
