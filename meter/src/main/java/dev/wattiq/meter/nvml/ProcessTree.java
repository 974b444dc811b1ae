package dev.wattiq.meter.nvml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a process belongs to the measured tree (the root and its descendants), answered by walking the pid's
 * ancestors through {@code <procfs>/<pid>/stat}. Only the few pids seen on a GPU are ever asked about, so this
 * reads a handful of files per sample rather than all of /proc. Members stay members once seen (a worker whose
 * launcher exits is re-parented, but still belongs to the run).
 */
public final class ProcessTree {
    private static final int MAX_DEPTH = 4096;
    private final Path procfsRoot;
    private final long rootPid;
    private final Set<Long> members = ConcurrentHashMap.newKeySet();

    public ProcessTree(Path procfsRoot, long rootPid) {
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
            return parentPid(Files.readString(procfsRoot.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            return -1; // exited, or not ours to read: not counted as a member
        }
    }

    /**
     * The parent pid in the text of {@code /proc/<pid>/stat}: "pid (comm) state ppid ...". The command name may hold
     * spaces and parentheses, so fields are counted from the last ')'.
     *
     * @throws IllegalArgumentException when the text is not a stat line
     */
    static long parentPid(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0 || stat.indexOf('(') < 0 || stat.indexOf('(') > close) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line (no '(comm)'): " + abbreviate(stat));
        }
        String[] f = stat.substring(close + 1).trim().split("\\s+");
        if (f.length < 2) throw new IllegalArgumentException("no parent pid in /proc/<pid>/stat line: " + abbreviate(stat));
        try {
            long ppid = Long.parseLong(f[1]);
            if (ppid < 0) throw new IllegalArgumentException("negative parent pid in /proc/<pid>/stat line: " + abbreviate(stat));
            return ppid;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parent pid '" + f[1] + "' is not a number in /proc/<pid>/stat line: " + abbreviate(stat));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s.strip() : s.substring(0, 77).strip() + "...";
    }
}
