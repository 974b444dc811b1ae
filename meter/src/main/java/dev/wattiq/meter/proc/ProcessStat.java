package dev.wattiq.meter.proc;

/**
 * The fields WattIQ needs from {@code /proc/[pid]/stat}, CPU times in clock ticks ({@code USER_HZ}).
 *
 * @param pid    process id
 * @param comm   the command name; may hold spaces and parentheses
 * @param state  one letter, e.g. {@code R}, {@code S}, {@code Z}
 * @param ppid   parent process id
 * @param utime  user time of the process (all its threads)
 * @param stime  system time of the process
 * @param cutime user time of its children that have exited and been waited for (recursively, as they waited)
 * @param cstime system time of those children
 */
public record ProcessStat(long pid, String comm, char state, long ppid, long utime, long stime, long cutime, long cstime) {

    /** The process's own CPU time plus that of its reaped children: {@code utime+stime+cutime+cstime}. */
    public long cpuTicksWithReapedChildren() {
        return utime + stime + Math.max(0, cutime) + Math.max(0, cstime);
    }

    /**
     * Parses one {@code /proc/[pid]/stat} line. The command name sits between the first {@code (} and the
     * <em>last</em> {@code )}, since a name may itself hold {@code ") "} (e.g. {@code (a) b)}).
     *
     * @throws IllegalArgumentException naming what is wrong for malformed text
     */
    public static ProcessStat parse(CharSequence text) {
        int open = -1;
        int close = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' && open < 0) open = i;
            if (c == ')') close = i;
        }
        if (open < 1 || close < open) throw new IllegalArgumentException("malformed /proc/[pid]/stat: no '(comm)' field");
        long[] pid = new long[1];
        if (Fields.longs(text, 0, open - 1, pid, "malformed /proc/[pid]/stat pid") != 1 || text.charAt(open - 1) != ' ') {
            throw new IllegalArgumentException("malformed /proc/[pid]/stat: no pid before '(comm)'");
        }
        int at = close + 1;
        if (at + 2 >= text.length() || text.charAt(at) != ' ') {
            throw new IllegalArgumentException("malformed /proc/[pid]/stat: nothing after '(comm)'");
        }
        char state = text.charAt(at + 1);
        long[] v = new long[15];
        int end = Fields.lineEnd(text, at + 2);
        int n = Fields.longs(text, at + 2, end, v, "malformed /proc/[pid]/stat");
        if (n < 15) throw new IllegalArgumentException("malformed /proc/[pid]/stat: " + n + " numbers after the state, expected at least 15");
        // v[0]=ppid v[1]=pgrp v[2]=session v[3]=tty_nr v[4]=tpgid v[5]=flags v[6..9]=faults v[10]=utime ... v[13]=cstime
        return new ProcessStat(pid[0], text.subSequence(open + 1, close).toString(), state, v[0], v[10], v[11], v[12], v[13]);
    }
}
