package dev.wattiq.meter.proc;

/**
 * The machine's cumulative CPU time from the {@code cpu} line of {@code /proc/stat}, in clock ticks
 * ({@code USER_HZ}, see {@link ClockTicks}), summed over every online CPU.
 * Guest time is already included in user and nice time, so it is not added again.
 */
public record MachineCpuTimes(long user, long nice, long system, long idle, long iowait, long irq, long softirq, long steal) {

    public MachineCpuTimes {
        if (user < 0 || nice < 0 || system < 0 || idle < 0 || iowait < 0 || irq < 0 || softirq < 0 || steal < 0) {
            throw new IllegalArgumentException("malformed /proc/stat: negative CPU time");
        }
    }

    /** Ticks the CPUs spent running something: user, nice, system, irq, softirq and steal. */
    public long busyTicks() {
        return user + nice + system + irq + softirq + steal;
    }

    /** Every tick: busy plus idle and iowait. */
    public long totalTicks() {
        return busyTicks() + idle + iowait;
    }

    /**
     * Parses the aggregate {@code cpu} line of {@code /proc/stat}. Kernels older than 2.6.11 print fewer columns;
     * missing columns count as zero, but user, nice, system and idle are required.
     *
     * @throws IllegalArgumentException naming what is wrong when the text has no well-formed {@code cpu} line
     */
    public static MachineCpuTimes parse(CharSequence procStat) {
        int at = 0;
        while (at < procStat.length()) {
            int end = Fields.lineEnd(procStat, at);
            if (Fields.startsWith(procStat, at, "cpu ")) {
                long[] v = new long[8];
                int n = Fields.longs(procStat, at + 4, end, v, "malformed /proc/stat cpu line");
                if (n < 4) throw new IllegalArgumentException("malformed /proc/stat: cpu line has " + n + " numbers, expected at least 4");
                return new MachineCpuTimes(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
            }
            at = end + 1;
        }
        throw new IllegalArgumentException("malformed /proc/stat: no aggregate 'cpu ' line (is the procfs root right?)");
    }

    /** The number of {@code cpuN} lines: the CPUs online now (what this machine, VM or container sees). */
    public static int onlineCpus(CharSequence procStat) {
        int count = 0;
        int at = 0;
        while (at < procStat.length()) {
            int end = Fields.lineEnd(procStat, at);
            if (Fields.startsWith(procStat, at, "cpu") && at + 3 < end && Character.isDigit(procStat.charAt(at + 3))) count++;
            at = end + 1;
        }
        return count;
    }
}
