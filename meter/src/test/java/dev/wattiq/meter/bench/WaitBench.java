package dev.wattiq.meter.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.locks.LockSupport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one periodic wake-up of a thread costs in CPU time on this machine, per wait strategy: not a test, a benchmark
 * that prints figures. It explains the floor under the meter's sampler (see docs/meter.md): {@code LockSupport.parkNanos}
 * (the sampler's), {@code Thread.sleep}, {@code clock_nanosleep(TIMER_ABSTIME)} and a periodic {@code timerfd} through
 * the FFM API, and {@code parkNanos} with the thread's timer slack raised to 50 us ({@code prctl(PR_SET_TIMERSLACK)}).
 * Each strategy runs on a fresh platform thread; the figure is that thread's CPU time per wake-up.
 *
 * <p>Usage (needs {@code --enable-native-access=ALL-UNNAMED}): {@code WaitBench wakeups period-us repetitions};
 * see {@code bench/wait-strategies.sh}.
 */
public final class WaitBench {
    private WaitBench() {
    }

    static final Linker L = Linker.nativeLinker();
    static final SymbolLookup C = L.defaultLookup();
    static final MethodHandle CLOCK_NANOSLEEP_NC = L.downcallHandle(C.find("clock_nanosleep").orElseThrow(),
        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
    static final MethodHandle PRCTL = L.downcallHandle(C.find("prctl").orElseThrow(),
        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
    static final MethodHandle TIMERFD_CREATE = L.downcallHandle(C.find("timerfd_create").orElseThrow(),
        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    static final MethodHandle TIMERFD_SETTIME = L.downcallHandle(C.find("timerfd_settime").orElseThrow(),
        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
    static final MethodHandle READ = L.downcallHandle(C.find("read").orElseThrow(),
        FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));

    interface Strategy { void run(long periodNs, int n) throws Throwable; }

    public static void main(String[] a) throws Throwable {
        int n = Integer.parseInt(a[0]); long period = Long.parseLong(a[1]) * 1000L; int reps = Integer.parseInt(a[2]);
        Map<String, Strategy> s = new LinkedHashMap<>();
        s.put("parkNanos", (p, k) -> { long next = System.nanoTime() + p; for (int i = 0; i < k; ) { long w = next - System.nanoTime(); if (w > 0) { LockSupport.parkNanos(w); continue; } i++; next += p; } });
        s.put("Thread.sleep", (p, k) -> { long next = System.nanoTime() + p; for (int i = 0; i < k; ) { long w = next - System.nanoTime(); if (w > 0) { Thread.sleep(w / 1_000_000, (int) (w % 1_000_000)); continue; } i++; next += p; } });
        s.put("clock_nanosleep abs", (p, k) -> { try (Arena ar = Arena.ofConfined()) { MemorySegment ts = ar.allocate(16); long next = System.nanoTime() + p;
            for (int i = 0; i < k; i++) { ts.set(ValueLayout.JAVA_LONG, 0, next / 1_000_000_000L); ts.set(ValueLayout.JAVA_LONG, 8, next % 1_000_000_000L);
                int r = (int) CLOCK_NANOSLEEP_NC.invokeExact(1, 1, ts, MemorySegment.NULL); next += p; } } });
        s.put("timerfd periodic", (p, k) -> { int fd = (int) TIMERFD_CREATE.invokeExact(1, 0); try (Arena ar = Arena.ofConfined()) { MemorySegment its = ar.allocate(32);
            its.set(ValueLayout.JAVA_LONG, 0, p / 1_000_000_000L); its.set(ValueLayout.JAVA_LONG, 8, p % 1_000_000_000L); its.set(ValueLayout.JAVA_LONG, 16, p / 1_000_000_000L); its.set(ValueLayout.JAVA_LONG, 24, p % 1_000_000_000L);
            int r = (int) TIMERFD_SETTIME.invokeExact(fd, 0, its, MemorySegment.NULL); MemorySegment buf = ar.allocate(8);
            for (int i = 0; i < k; i++) { long x = (long) READ.invokeExact(fd, buf, 8L); } } });
        s.put("parkNanos slack50us", null);
        ThreadMXBean tm = ManagementFactory.getThreadMXBean();
        Map<String, List<Double>> res = new LinkedHashMap<>();
        for (int rep = 0; rep < reps; rep++) for (var e : s.entrySet()) {
            String name = e.getKey();
            Strategy st = e.getValue();
            boolean slack = st == null;
            Strategy use = slack ? s.get("parkNanos") : st;
            double[] out = new double[2];
            Thread t = Thread.ofPlatform().name(name).start(() -> { try {
                if (slack) { int r = (int) PRCTL.invokeExact(29, 50_000L, 0L, 0L, 0L); }
                use.run(period, n / 10); // warm
                long c0 = tm.getCurrentThreadCpuTime(); long w0 = System.nanoTime();
                use.run(period, n);
                out[0] = (tm.getCurrentThreadCpuTime() - c0) / (double) n / 1000.0; out[1] = (System.nanoTime() - w0) / (double) n / 1000.0;
            } catch (Throwable x) { throw new RuntimeException(x); } });
            t.join();
            res.computeIfAbsent(name, k -> new ArrayList<>()).add(out[0]);
            System.out.printf(Locale.ROOT, "rep %d %-22s cpu/wake %7.2f us  wall/wake %8.1f us%n", rep, name, out[0], out[1]);
        }
        for (var e : res.entrySet()) { List<Double> v = new ArrayList<>(e.getValue()); Collections.sort(v); System.out.printf(Locale.ROOT, "median %-22s %7.2f us cpu per wake-up%n", e.getKey(), v.get(v.size() / 2)); }
    }
}
