package dev.wattiq.app.run;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import dev.wattiq.meter.proc.ProcessStat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Processes the command started that outlive it ({@code sh -c 'worker &'}, a daemonising server). wattiq makes itself
 * the command's <em>child subreaper</em> ({@code prctl(PR_SET_CHILD_SUBREAPER)}, Linux 3.4+): a descendant whose
 * parent exits is re-parented to wattiq instead of to init, so when the command ends, the survivors are exactly
 * wattiq's remaining children, and the run can say so (their energy after the command's exit is not in the run).
 * Re-parented processes that end while the command runs are reaped here (by pid, with {@code waitpid}; never the
 * command itself, whose status the JDK collects). Where the call is refused, nothing is adopted and nothing said.
 */
final class Orphans implements AutoCloseable {
    private static final int PR_SET_CHILD_SUBREAPER = 36;
    private static final int WNOHANG = 1;
    private final long commandPid;
    private final java.time.Instant commandStart;
    private final Thread reaper;
    private volatile boolean running = true;

    private Orphans(long commandPid, boolean adopted) {
        this.commandPid = commandPid;
        // wattiq's other children (none in the CLI; a test JVM has its own) started before the command, so are not its
        this.commandStart = ProcessHandle.of(commandPid).flatMap(h -> h.info().startInstant())
                .orElse(java.time.Instant.now().minusSeconds(1)).minusMillis(20);
        this.reaper = adopted ? Thread.ofPlatform().daemon().name("wattiq-orphan-reaper").start(this::reapLoop) : null;
    }

    /** Becomes the subreaper of the processes started from now on; call before starting the command. */
    static boolean adopt() {
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle prctl = linker.downcallHandle(linker.defaultLookup().find("prctl").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG), Linker.Option.firstVariadicArg(1));
            return (int) prctl.invokeExact(PR_SET_CHILD_SUBREAPER, 1L) == 0;
        } catch (Throwable t) {
            return false; // not Linux, or no native access: survivors go to init, unseen
        }
    }

    /** Watches for re-parented processes of the command {@code commandPid}; {@code adopted} is what {@link #adopt()} said. */
    static Orphans watch(long commandPid, boolean adopted) {
        return new Orphans(commandPid, adopted);
    }

    /**
     * After the command exited: the processes it left running (wattiq's children other than the command), as one
     * line for the run's notes, or empty.
     */
    Optional<String> survivors() {
        if (reaper == null) return Optional.empty();
        reapZombies();
        List<String> names = new ArrayList<>();
        long total = 0;
        for (ProcessHandle h : ProcessHandle.current().children().toList()) {
            if (h.pid() == commandPid || !h.isAlive() || zombie(h.pid())) continue;
            if (h.info().startInstant().map(t -> t.isBefore(commandStart)).orElse(true)) continue;
            names.add("pid " + h.pid() + " " + h.info().command().map(c -> c.substring(c.lastIndexOf('/') + 1)).orElse("?"));
            total += 1 + h.descendants().count();
        }
        if (names.isEmpty()) return Optional.empty();
        return Optional.of(total + " process" + (total == 1 ? "" : "es") + " started by the command outlived it and still run ("
                + String.join(", ", names.subList(0, Math.min(5, names.size()))) + (names.size() > 5 ? ", ..." : "")
                + "): their energy after the command exited is not in this run; wattiq leaves them running");
    }

    private void reapLoop() {
        while (running) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            reapZombies();
        }
    }

    /** Collects re-parented children that have ended (never the command: its status belongs to the JDK). */
    private void reapZombies() {
        for (ProcessHandle h : ProcessHandle.current().children().toList()) {
            if (h.pid() != commandPid && zombie(h.pid())) waitpid(h.pid());
        }
    }

    private static boolean zombie(long pid) {
        try {
            return ProcessStat.state(java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"))) == 'Z';
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private static volatile MethodHandle waitpid;

    private static void waitpid(long pid) {
        try {
            MethodHandle h = waitpid;
            if (h == null) {
                Linker linker = Linker.nativeLinker();
                h = linker.downcallHandle(linker.defaultLookup().find("waitpid").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
                waitpid = h;
            }
            int ignored = (int) h.invokeExact((int) pid, MemorySegment.NULL, WNOHANG);
        } catch (Throwable t) {
            // left as a zombie until wattiq exits, when init reaps it
        }
    }

    @Override
    public void close() {
        running = false;
        if (reaper != null) reaper.interrupt();
    }
}
