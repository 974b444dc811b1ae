package dev.wattiq.meter.proc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tracks the CPU time of a process tree: a root pid and every descendant it spawns, including descendants that
 * have already exited.
 *
 * <p>The tree's time is the sum, over its live members, of {@code utime+stime+cutime+cstime}. A child that has
 * exited and been waited for is in its parent's {@code cutime/cstime} and no longer in {@code /proc}, so it counts
 * exactly once; a zombie (exited, not yet waited for) still has its own entry and is not yet in its parent's.
 * Members are read parents first, so a child reaped during a walk can only be missed (never counted twice) in that
 * walk; {@link #cpuTicks()} never decreases, which hides that transient dip until the parent's {@code cutime} shows it.
 *
 * <p>Descendants are found through {@code /proc/[pid]/task/[tid]/children} (Linux 3.5+, {@code CONFIG_PROC_CHILDREN});
 * without it, by scanning every {@code /proc/[pid]/stat} for parent ids (slower). Known limits: a descendant orphaned
 * by its parent's exit is re-parented outside the tree and its later time is lost; a process that never waits for its
 * children does not receive their times.
 *
 * <p>The root's own exit is exact: once the root is gone from {@code /proc}, its parent (the "reaper", e.g. {@code wattiq
 * run}'s JVM) holds the root's final time in its own {@code cutime+cstime}, so the tree's time is the growth of the
 * reaper's reaped-children time since the first walk. Exact when the reaper reaps no other child meanwhile ({@code wattiq
 * run} starts only the command); skipped when the reaper cannot be read (e.g. pid 1 in a recorded tree).
 *
 * <p>Each walk also sums the live members' resident memory ({@link #rssPages()}): what process-scope memory estimates use.
 */
public final class ProcessTree implements AutoCloseable {
    /** How often a multi-threaded member's thread list is listed again even when its thread count did not change. */
    private static final long RELIST_NANOS = 1_000_000_000L;
    private final Path procfs;
    private final long rootPid;
    private final long ticksPerSecond;
    private final long pageBytes;
    private final Map<Long, Member> cache = new HashMap<>();
    private final Set<Long> seen = new HashSet<>();
    private final ArrayDeque<Long> queue = new ArrayDeque<>();
    private final List<Long> kids = new ArrayList<>();
    private Boolean childrenFiles;
    private long maxTicks;
    private int members;
    private long rssPages;
    private long reaperPid = -1;
    private long reaperBaseTicks;

    /** One member's kept-open files: its stat and its threads' children lists. */
    private static final class Member {
        final OpenFile stat;
        final List<OpenFile> children = new ArrayList<>();
        long listedThreads = -1;
        long listedAtNanos;

        Member(OpenFile stat) {
            this.stat = stat;
        }

        void close() {
            stat.close();
            closeChildren();
        }

        void closeChildren() {
            children.forEach(OpenFile::close);
            children.clear();
        }
    }

    public ProcessTree(Path procfsRoot, long rootPid) {
        if (rootPid <= 0) throw new IllegalArgumentException("a process tree needs a root pid > 0, got " + rootPid);
        this.procfs = procfsRoot;
        this.rootPid = rootPid;
        this.ticksPerSecond = ClockTicks.read(procfsRoot);
        this.pageBytes = ClockTicks.pageBytes(procfsRoot);
    }

    public long rootPid() {
        return rootPid;
    }

    /** Clock ticks per second used by {@link #cpuSeconds()}. */
    public long ticksPerSecond() {
        return ticksPerSecond;
    }

    /** Bytes per page, the unit of {@link #rssPages()} ({@code AT_PAGESZ}; 4096 where it cannot be read). */
    public long pageBytes() {
        return pageBytes;
    }

    /** Processes found in the tree by the last walk (0 once the root has been reaped). */
    public int members() {
        return members;
    }

    /**
     * Walks the tree now and returns its cumulative CPU time in clock ticks, never less than the last result.
     *
     * @throws IOException only when procfs itself cannot be listed; vanished processes are simply skipped
     */
    public long cpuTicks() throws IOException {
        long sum = 0;
        long rss = 0;
        int found = 0;
        seen.clear();
        queue.clear();
        Map<Long, List<Long>> scan = useChildrenFiles() ? null : scanParents();
        queue.add(rootPid);
        while (!queue.isEmpty()) {
            long pid = queue.poll();
            if (!seen.add(pid)) continue;
            Member m = cache.get(pid);
            ProcessStat st = m == null ? null : read(m);
            if (st == null) {
                if (m != null) cache.remove(pid).close(); // gone, or a handle to a pid since reused: open afresh
                m = open(pid);
                st = m == null ? null : read(m);
                if (st == null) {
                    if (m != null) m.close();
                    continue;
                }
                cache.put(pid, m);
            }
            if (pid == rootPid && reaperPid < 0) startReaper(st.ppid());
            found++;
            sum += st.cpuTicksWithReapedChildren();
            rss += st.rssPages();
            if (scan != null) queue.addAll(scan.getOrDefault(pid, List.of()));
            else addChildren(pid, m, st.numThreads());
        }
        if (cache.size() > seen.size()) {
            Iterator<Map.Entry<Long, Member>> it = cache.entrySet().iterator();
            while (it.hasNext()) {
                var e = it.next();
                if (!seen.contains(e.getKey())) {
                    e.getValue().close();
                    it.remove();
                }
            }
        }
        members = found;
        rssPages = rss;
        if (!cache.containsKey(rootPid) && reaperPid > 0) sum = Math.max(sum, reapedTicks());
        maxTicks = Math.max(maxTicks, sum);
        return maxTicks;
    }

    /** Resident memory of the tree's live members at the last walk, in pages (0 once the root has been reaped). */
    public long rssPages() {
        return rssPages;
    }

    /** Remembers the root's parent and its reaped-children time now, before the root can be among them. */
    private void startReaper(long ppid) {
        reaperPid = 0; // tried once
        if (ppid <= 1) return;
        long t = reaperTicks(ppid);
        if (t < 0) return;
        reaperPid = ppid;
        reaperBaseTicks = t;
    }

    /** What the reaper has received from reaped children since the first walk: the root's final time, once reaped. */
    private long reapedTicks() {
        long t = reaperTicks(reaperPid);
        return t < 0 ? 0 : Math.max(0, t - reaperBaseTicks);
    }

    private long reaperTicks(long pid) {
        try {
            ProcessStat st = ProcessStat.parse(Files.readString(procfs.resolve(pid + "/stat"), java.nio.charset.StandardCharsets.ISO_8859_1));
            return Math.max(0, st.cutime()) + Math.max(0, st.cstime());
        } catch (IOException | IllegalArgumentException e) {
            return -1;
        }
    }

    /** {@link #cpuTicks()} in seconds. */
    public double cpuSeconds() throws IOException {
        return cpuTicks() / (double) ticksPerSecond;
    }

    private boolean useChildrenFiles() {
        if (childrenFiles == null) {
            childrenFiles = Files.exists(procfs.resolve(rootPid + "/task/" + rootPid + "/children"))
                    || !Files.exists(procfs.resolve(Long.toString(rootPid)));
        }
        return childrenFiles;
    }

    private Member open(long pid) {
        try {
            return new Member(OpenFile.open(procfs.resolve(pid + "/stat"), 512));
        } catch (IOException e) {
            return null;
        }
    }

    private static ProcessStat read(Member m) {
        try {
            return ProcessStat.parse(m.stat.read());
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Queues the children of {@code pid} from its threads' {@code children} files, listing threads only when needed. */
    private void addChildren(long pid, Member m, long threads) {
        long now = System.nanoTime();
        if (threads != m.listedThreads || (threads > 1 && now - m.listedAtNanos > RELIST_NANOS)) {
            m.closeChildren();
            m.listedThreads = threads;
            m.listedAtNanos = now;
            if (threads == 1) {
                openChildren(m, procfs.resolve(pid + "/task/" + pid + "/children"));
            } else {
                try (DirectoryStream<Path> tasks = Files.newDirectoryStream(procfs.resolve(pid + "/task"))) {
                    for (Path task : tasks) openChildren(m, task.resolve("children"));
                } catch (IOException | RuntimeException e) {
                    // the process exited between its stat and its task list
                }
            }
        }
        for (OpenFile f : m.children) {
            kids.clear();
            try {
                parsePids(f.read(), kids);
            } catch (IOException e) {
                m.listedThreads = -1; // a thread exited: list again next time
                continue;
            }
            queue.addAll(kids);
        }
    }

    private static void openChildren(Member m, Path file) {
        try {
            m.children.add(OpenFile.open(file, 64));
        } catch (IOException e) {
            // the thread exited
        }
    }

    /** Parses a {@code children} file: space-separated pids. Malformed tokens are skipped. */
    static void parsePids(CharSequence text, List<Long> out) {
        long v = 0;
        boolean inNumber = false;
        boolean bad = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (c >= '0' && c <= '9') {
                if (v < Long.MAX_VALUE / 10) v = v * 10 + (c - '0');
                inNumber = true;
            } else if (Character.isWhitespace(c)) {
                if (inNumber && !bad && v > 0) out.add(v);
                v = 0;
                inNumber = false;
                bad = false;
            } else {
                bad = true;
            }
        }
    }

    private Map<Long, List<Long>> scanParents() throws IOException {
        Map<Long, List<Long>> byParent = new HashMap<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(procfs)) {
            for (Path p : all) {
                String name = p.getFileName().toString();
                if (name.isEmpty() || !name.chars().allMatch(Character::isDigit)) continue;
                try {
                    ProcessStat st = ProcessStat.parse(Files.readString(p.resolve("stat")));
                    byParent.computeIfAbsent(st.ppid(), k -> new ArrayList<>()).add(st.pid());
                } catch (IOException | IllegalArgumentException e) {
                    // exited during the scan
                }
            }
        }
        return byParent;
    }

    @Override
    public void close() {
        cache.values().forEach(Member::close);
        cache.clear();
    }
}
