package dev.wattiq.meter.proc;

/**
 * The measured tree's share of the machine's busy CPU time, between settlement points.
 *
 * <p>procfs counts CPU time in whole ticks (10 ms at {@code USER_HZ=100}), so over a short poll both deltas are
 * often zero. Rather than charge such an interval nothing, {@link #update} answers NaN ("not yet") and keeps its
 * base; the energy waits (see {@link dev.wattiq.meter.ChargedEnergy}) until the machine has accumulated busy time,
 * and is then charged at the share over the whole stretch. The share is clamped to [0, 1]: the tree's and the
 * machine's ticks are sampled at slightly different instants.
 */
public final class CpuShare {
    private long baseTreeTicks;
    private long baseBusyTicks;
    private boolean started;

    /** Starts counting from these cumulative values. */
    public void start(long treeTicks, long busyTicks) {
        baseTreeTicks = treeTicks;
        baseBusyTicks = busyTicks;
        started = true;
    }

    /**
     * The share of busy CPU time since the last settlement, or NaN when the machine has no new busy time yet
     * (the base is then kept). A settlement moves the base to the given values.
     */
    public double update(long treeTicks, long busyTicks) {
        if (!started) {
            start(treeTicks, busyTicks);
            return Double.NaN;
        }
        long busy = busyTicks - baseBusyTicks;
        if (busy <= 0) return Double.NaN;
        long tree = Math.max(0, treeTicks - baseTreeTicks);
        baseTreeTicks = treeTicks;
        baseBusyTicks = busyTicks;
        return Math.min(1.0, tree / (double) busy);
    }
}
