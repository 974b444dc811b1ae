package dev.wattiq.meter.proc;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the machine's and the measured tree's CPU time together and turns them into a {@link CpuShare}:
 * what CPU-side energy sensors use in process scope. Reads procfs at most once per {@link #REFRESH_NANOS}
 * (one {@code USER_HZ} tick), because procfs cannot resolve anything finer and the walk costs system calls.
 */
public final class ProcessAttribution implements AutoCloseable {
    /** Minimum time between two procfs reads: one tick at {@code USER_HZ=100}. */
    public static final long REFRESH_NANOS = 10_000_000L;
    private final MachineCpuReader machine;
    private final ProcessTree tree;
    private final CpuShare share = new CpuShare();
    private long lastRefreshNanos;

    private ProcessAttribution(MachineCpuReader machine, ProcessTree tree) {
        this.machine = machine;
        this.tree = tree;
    }

    /**
     * Opens {@code <procfs>/stat} and the tree under {@code rootPid}, and takes the starting point.
     *
     * @throws IOException when procfs cannot be read or the root process does not exist
     */
    public static ProcessAttribution open(Path procfsRoot, long rootPid, long nowNanos) throws IOException {
        MachineCpuReader m = MachineCpuReader.open(procfsRoot);
        ProcessTree t = new ProcessTree(procfsRoot, rootPid);
        try {
            long treeTicks = t.cpuTicks();
            if (t.members() == 0) throw new IOException("process " + rootPid + " not found under " + procfsRoot + " (it exited, or the procfs root is wrong)");
            ProcessAttribution a = new ProcessAttribution(m, t);
            a.share.start(treeTicks, m.read().busyTicks());
            a.lastRefreshNanos = nowNanos;
            return a;
        } catch (IOException | RuntimeException e) {
            m.close();
            t.close();
            throw e;
        }
    }

    /**
     * The tree's share of busy CPU time since the last settlement, or NaN when it is too early to tell
     * (less than one tick since the last read, or no new busy time on the machine).
     */
    public double share(long nowNanos) throws IOException {
        return share(nowNanos, null);
    }

    /** As {@link #share(long)}, with machine times the caller has just read (saves a second read of {@code /proc/stat}). */
    public double share(long nowNanos, MachineCpuTimes machineNow) throws IOException {
        if (nowNanos - lastRefreshNanos < REFRESH_NANOS) return Double.NaN;
        lastRefreshNanos = nowNanos;
        long treeTicks = tree.cpuTicks();
        return share.update(treeTicks, (machineNow != null ? machineNow : machine.read()).busyTicks());
    }

    public ProcessTree tree() {
        return tree;
    }

    @Override
    public void close() {
        machine.close();
        tree.close();
    }
}
