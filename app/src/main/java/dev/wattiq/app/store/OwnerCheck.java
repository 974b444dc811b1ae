package dev.wattiq.app.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Whether the wattiq process that owns a running run is still alive (and is the same process, not a reused pid). */
final class OwnerCheck {
    private static final Duration START_TOLERANCE = Duration.ofSeconds(2);

    private OwnerCheck() {
    }

    static boolean alive(long pid, Instant ownerStartedAt) {
        if (pid <= 0) return false;
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive() || zombie(pid)) return false;
        if (ownerStartedAt == null) return true;
        Optional<Instant> start = h.get().info().startInstant();
        return start.isEmpty() || Duration.between(start.get(), ownerStartedAt).abs().compareTo(START_TOLERANCE) <= 0;
    }

    /** A killed process its parent has not reaped yet still has a pid, but it will never write again. */
    private static boolean zombie(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
            return dev.wattiq.meter.proc.ProcessStat.state(stat) == 'Z';
        } catch (java.io.IOException | RuntimeException e) {
            return false; // no procfs (not Linux): trust isAlive()
        }
    }
}
