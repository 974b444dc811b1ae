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
 * @param numThreads threads in the process (1 when the line is too short to say, as on very old kernels)
 * @param rssPages   resident set size in pages (field 24; 0 when the line is too short to say)
 */
public record ProcessStat(long pid, String comm, char state, long ppid, long utime, long stime, long cutime, long cstime,
                          long numThreads, long rssPages) {

    /** A stat without a resident set size (0 pages). */
    public ProcessStat(long pid, String comm, char state, long ppid, long utime, long stime, long cutime, long cstime, long numThreads) {
        this(pid, comm, state, ppid, utime, stime, cutime, cstime, numThreads, 0);
    }

    /** How far after '(' the closing ')' is looked for: comm is at most 15 characters (TASK_COMM_LEN - 1), with margin. */
    private static final int COMM_SCAN = 64;

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
        long[] pid = new long[1];
        int open = commStart(text);
        int close = commEnd(text, open, pid);
        int at = close + 1;
        if (at + 2 >= text.length() || text.charAt(at) != ' ') {
            throw new IllegalArgumentException("malformed /proc/[pid]/stat: nothing after '(comm)'");
        }
        char state = text.charAt(at + 1);
        long[] v = new long[21];
        int end = Fields.lineEnd(text, at + 2);
        int n = Fields.longs(text, at + 2, end, v, "malformed /proc/[pid]/stat");
        if (n < 15) throw new IllegalArgumentException("malformed /proc/[pid]/stat: " + n + " numbers after the state, expected at least 15");
        // v[0]=ppid v[1]=pgrp v[2]=session v[3]=tty_nr v[4]=tpgid v[5]=flags v[6..9]=faults v[10]=utime ... v[13]=cstime
        // v[14]=priority v[15]=nice v[16]=num_threads v[17]=itrealvalue v[18]=starttime v[19]=vsize v[20]=rss (pages)
        return new ProcessStat(pid[0], text.subSequence(open + 1, close).toString(), state, v[0], v[10], v[11], v[12], v[13],
                n >= 17 ? Math.max(1, v[16]) : 1, n >= 21 ? Math.max(0, v[20]) : 0);
    }

    /**
     * The parent pid in a stat line, reading no field after it: enough to walk a pid's ancestors.
     *
     * @throws IllegalArgumentException naming what is wrong for malformed text
     */
    public static long parentPid(CharSequence text) {
        int at = commEnd(text, commStart(text), new long[1]) + 1;
        long[] ppid = new long[1];
        int n = at + 2 < text.length() && text.charAt(at) == ' '
                ? Fields.longs(text, at + 2, Fields.lineEnd(text, at + 2), ppid, "malformed /proc/[pid]/stat") : 0;
        if (n == 0) throw new IllegalArgumentException("malformed /proc/[pid]/stat: no parent pid after the state");
        if (ppid[0] < 0) throw new IllegalArgumentException("malformed /proc/[pid]/stat: negative parent pid " + ppid[0]);
        return ppid[0];
    }

    /**
     * The state letter of a stat line ({@code Z} for a zombie: exited, not yet reaped by its parent).
     *
     * @throws IllegalArgumentException naming what is wrong for malformed text
     */
    public static char state(CharSequence text) {
        int at = commEnd(text, commStart(text), new long[1]) + 1;
        if (at + 1 >= text.length() || text.charAt(at) != ' ') {
            throw new IllegalArgumentException("malformed /proc/[pid]/stat: nothing after '(comm)'");
        }
        return text.charAt(at + 1);
    }

    /** The index of the {@code (} that opens the command name, or -1: the pid before it is at most 20 characters. */
    private static int commStart(CharSequence text) {
        for (int i = 0; i < text.length() && i < 24; i++) if (text.charAt(i) == '(') return i;
        return -1;
    }

    /**
     * The index of the {@code )} that closes the command name opened at {@code open}, after checking the pid before it
     * (written to {@code pid[0]}). The kernel prints at most 15 characters of comm, and only numbers and the state
     * letter after it, so the last ')' within a short stretch after '(' closes the name even when the name holds ')'.
     */
    private static int commEnd(CharSequence text, int open, long[] pid) {
        int close = -1;
        if (open >= 0) {
            for (int i = open + 1; i < text.length() && i <= open + 1 + COMM_SCAN; i++) if (text.charAt(i) == ')') close = i;
        }
        if (open < 1 || close < open) throw new IllegalArgumentException("malformed /proc/[pid]/stat: no '(comm)' field");
        if (Fields.longs(text, 0, open - 1, pid, "malformed /proc/[pid]/stat pid") != 1 || text.charAt(open - 1) != ' ') {
            throw new IllegalArgumentException("malformed /proc/[pid]/stat: no pid before '(comm)'");
        }
        return close;
    }
}
