package dev.wattiq.meter.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a process belongs to the measured tree (the root and its descendants), answered by walking the pid's
 * ancestors through {@code <procfs>/<pid>/stat} ({@link ProcessStat#parentPid}). Where {@link ProcessTree} walks down
 * from the root to sum the whole tree's CPU time, this walks up from the few pids seen on a GPU, so it reads a handful
 * of files per sample rather than every member's. Members stay members once seen (a worker whose launcher exits is
 * re-parented, but still belongs to the run).
 */
public final class ProcessAncestry {
    private static final int MAX_DEPTH = 4096;
    private final Path procfsRoot;
    private final long rootPid;
    private final Set<Long> members = ConcurrentHashMap.newKeySet();

    public ProcessAncestry(Path procfsRoot, long rootPid) {
        if (rootPid <= 0) throw new IllegalArgumentException("the tree's root pid must be positive, got " + rootPid);
        this.procfsRoot = procfsRoot;
        this.rootPid = rootPid;
        members.add(rootPid);
    }

    public long rootPid() {
        return rootPid;
    }

    /** True when {@code pid} is the root or a descendant of it; false when it is not, or has exited. */
    public boolean contains(long pid) {
        if (members.contains(pid)) return true;
        long p = pid;
        for (int depth = 0; depth < MAX_DEPTH && p > 1; depth++) {
            long parent = parentOf(p);
            if (parent < 0) return false;
            if (parent == rootPid || members.contains(parent)) {
                members.add(pid);
                return true;
            }
            p = parent;
        }
        return false;
    }

    private long parentOf(long pid) {
        try {
            return ProcessStat.parentPid(Files.readString(procfsRoot.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            return -1; // exited, or not ours to read: not counted as a member
        }
    }
}
