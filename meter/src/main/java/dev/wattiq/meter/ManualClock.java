package dev.wattiq.meter;

import java.time.Duration;
import java.time.Instant;

/** A clock that moves only when told to: for tests and for replaying recorded traces. Thread-safe. */
public final class ManualClock implements Clock {
    private final Instant origin;
    private volatile long nanos;

    public ManualClock(Instant origin) {
        this.origin = origin;
    }

    public ManualClock() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public synchronized void advance(Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException("a clock cannot go back: " + d);
        nanos += d.toNanos();
    }

    @Override
    public long monotonicNanos() {
        return nanos;
    }

    @Override
    public Instant wallTime() {
        return origin.plusNanos(nanos);
    }
}
