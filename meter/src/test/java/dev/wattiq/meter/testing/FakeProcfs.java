package dev.wattiq.meter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A fake procfs: {@code stat}, {@code cpuinfo}, {@code meminfo} and per-process {@code stat} and {@code children} files. */
public final class FakeProcfs {
    private final Path root;

    public FakeProcfs(Path root, String cpuModel, int cpus, long memTotalKb) {
        this.root = root;
        StringBuilder info = new StringBuilder();
        for (int i = 0; i < cpus; i++) {
            info.append("processor\t: ").append(i).append("\nmodel name\t: ").append(cpuModel).append("\nphysical id\t: 0\n\n");
        }
        write("cpuinfo", info.toString());
        write("meminfo", "MemTotal:       " + memTotalKb + " kB\nMemFree:        1000 kB\nMemAvailable:   2000 kB\n");
        this.cpus = cpus;
        machine(0, 0);
    }

    private final int cpus;
    private long rssPages = 100;

    /** The resident set size, in pages, that later {@link #process} calls write (100 until set). */
    public FakeProcfs rssPages(long pages) {
        this.rssPages = pages;
        return this;
    }

    public Path root() {
        return root;
    }

    /** Writes the machine's cumulative busy (as user) and idle ticks. */
    public void machine(long busyTicks, long idleTicks) {
        StringBuilder s = new StringBuilder("cpu  " + busyTicks + " 0 0 " + idleTicks + " 0 0 0 0 0 0\n");
        for (int i = 0; i < cpus; i++) s.append("cpu").append(i).append(" 0 0 0 0 0 0 0 0 0 0\n");
        s.append("intr 1 2 3\nctxt 10\nbtime 1\nprocesses 5\n");
        write("stat", s.toString());
    }

    /** Writes {@code <pid>/stat} with the given times and lists {@code children} in its main thread's children file. */
    public void process(long pid, long ppid, String comm, long utime, long stime, long cutime, long cstime, long... children) {
        write(pid + "/stat", pid + " (" + comm + ") S " + ppid + " " + pid + " " + pid + " 0 -1 4194560 100 0 0 0 "
                + utime + " " + stime + " " + cutime + " " + cstime + " 20 0 1 0 100 1000 " + rssPages + " 18446744073709551615\n");
        write(pid + "/task/" + pid + "/children", Arrays.stream(children).mapToObj(Long::toString).collect(Collectors.joining(" "))
                + (children.length > 0 ? " " : ""));
    }

    /**
     * Removes a process (it exited and was waited for). Its stat is emptied first: a handle kept open on it then reads
     * nothing, as a real procfs handle of a reaped process fails, rather than the deleted file's old content.
     */
    public void remove(long pid) {
        if (Files.exists(root.resolve(pid + "/stat"))) write(pid + "/stat", "");
        try (Stream<Path> s = Files.walk(root.resolve(Long.toString(pid)))) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(String rel, String content) {
        try {
            Path p = root.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
