package dev.wattiq.meter.proc;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the machine's and the measured tree's CPU time together and turns them into a {@link CpuShare}:
 * what CPU-side energy sensors use in process scope. Reads procfs at most once per attribution period (at least
 * {@link #REFRESH_NANOS}, one {@code USER_HZ} tick, because procfs cannot resolve anything finer and the walk costs
 * system calls); {@link #shareNow} reads it sooner, for window boundaries, but never within one tick.
 */
public final class ProcessAttribution implements AutoCloseable {
    /** Minimum time between two procfs reads: one tick at {@code USER_HZ=100}. */
    public static final long REFRESH_NANOS = 10_000_000L;
    private final MachineCpuReader machine;
    private final ProcessTree tree;
    private final CpuShare share = new CpuShare();
    private final long periodNanos;
    private long lastRefreshNanos;

    private ProcessAttribution(MachineCpuReader machine, ProcessTree tree, long periodNanos) {
        this.machine = machine;
        this.tree = tree;
        this.periodNanos = periodNanos;
    }

    /**
     * Opens {@code <procfs>/stat} and the tree under {@code rootPid}, and takes the starting point.
     *
     * @throws IOException when procfs cannot be read or the root process does not exist
     */
    public static ProcessAttribution open(Path procfsRoot, long rootPid, long nowNanos) throws IOException {
        return open(procfsRoot, rootPid, nowNanos, REFRESH_NANOS);
    }

    /**
     * As {@link #open(Path, long, long)}, reading procfs at most every {@code periodNanos} in {@link #share(long)}.
     *
     * @throws IllegalArgumentException when the period is shorter than one tick ({@link #REFRESH_NANOS})
     */
    public static ProcessAttribution open(Path procfsRoot, long rootPid, long nowNanos, long periodNanos) throws IOException {
        if (periodNanos < REFRESH_NANOS) {
            throw new IllegalArgumentException("attribution period must be at least 10 ms (one procfs tick), got " + periodNanos / 1e6 + " ms");
        }
        MachineCpuReader m = MachineCpuReader.open(procfsRoot);
        ProcessTree t = new ProcessTree(procfsRoot, rootPid);
        try {
            long treeTicks = t.cpuTicks();
            if (t.members() == 0) throw new IOException("process " + rootPid + " not found under " + procfsRoot + " (it exited, or the procfs root is wrong)");
            ProcessAttribution a = new ProcessAttribution(m, t, periodNanos);
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
     * (less than one attribution period since the last read, or no new busy time on the machine).
     */
    public double share(long nowNanos) throws IOException {
        return share(nowNanos, null);
    }

    /** As {@link #share(long)}, with machine times the caller has just read (saves a second read of {@code /proc/stat}). */
    public double share(long nowNanos, MachineCpuTimes machineNow) throws IOException {
        if (nowNanos - lastRefreshNanos < periodNanos) return Double.NaN;
        return refresh(nowNanos, machineNow);
    }

    /**
     * As {@link #share(long)}, for a caller that polls every {@code pollGapNanos} (the time since its last poll): the
     * read is due at the poll nearest to one period after the last, not at the first poll after it, so that polls
     * a little early (a sampler's wake-up jitter) do not skip a period. Never within one tick.
     */
    public double shareNearest(long nowNanos, long pollGapNanos) throws IOException {
        long elapsed = nowNanos - lastRefreshNanos;
        if (elapsed < REFRESH_NANOS || elapsed < periodNanos - Math.max(0, pollGapNanos) / 2) return Double.NaN;
        return refresh(nowNanos, null);
    }

    /**
     * As {@link #share(long)}, but reads procfs whenever at least one tick has passed since the last read, whatever
     * the attribution period: what a window boundary needs, so that the energy before it is charged before it.
     */
    public double shareNow(long nowNanos) throws IOException {
        if (nowNanos - lastRefreshNanos < REFRESH_NANOS) return Double.NaN;
        return refresh(nowNanos, null);
    }

    /** The attribution period, in nanoseconds. */
    public long periodNanos() {
        return periodNanos;
    }

    private double refresh(long nowNanos, MachineCpuTimes machineNow) throws IOException {
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
