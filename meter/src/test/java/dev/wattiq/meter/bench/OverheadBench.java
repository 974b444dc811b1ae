package dev.wattiq.meter.bench;

import dev.wattiq.meter.Measurement;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.Scope;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.Sensors;
import dev.wattiq.meter.Window;
import dev.wattiq.meter.testing.FakePowercap;
import dev.wattiq.meter.testing.ScriptedSensor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The meter's own CPU time while it measures {@code sleep N}: not a test, a benchmark that prints figures.
 *
 * <p>RAPL runs against a fake powercap tree (package + core + dram, laid out with symlinks as the kernel does), so the
 * real read path runs: pread of each chosen {@code energy_uj}, wrap handling, the meter's readings and samples. The
 * scope is process, so the real {@code /proc} is read too ({@code /proc/stat} and the tree of the {@code sleep}).
 * Two figures per interval: the sampler thread's CPU time (ThreadMXBean) and the whole JVM's CPU time minus that of a
 * baseline run of the same {@code sleep} without a meter, both as a share of one core over the run's wall time.
 * Two "noop" rows (a sensor that reads nothing) show what waking the sampler thread alone costs on this machine, so
 * the rest can be told apart from the scheduler's share.
 *
 * <p>The runs go in the order given, in one JVM: the first 100 ms run meets code the JIT has not compiled yet (as a
 * fresh {@code wattiq run} does); the last one, after the 1 ms run, meets compiled code.
 *
 * <p>Usage: {@code OverheadBench [seconds=30] [intervals-ms=100,10,1,100] [attribution-period-ms]}; see
 * {@code bench/meter-overhead.sh}. Without the third argument the environment's default attribution period is used.
 */
public final class OverheadBench {
    private OverheadBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        List<Integer> intervals = new ArrayList<>();
        for (String s : (args.length > 1 ? args[1] : "100,10,1,100").split(",")) intervals.add(Integer.parseInt(s.strip()));
        Duration attribution = args.length > 2 ? Duration.ofMillis(Long.parseLong(args[2])) : SensorEnvironment.DEFAULT_ATTRIBUTION_PERIOD;
        Path tmp = Files.createTempDirectory("wattiq-bench");
        FakePowercap fake = new FakePowercap(tmp.resolve("sys"), true)
                .zone("intel-rapl:0", "package-0", 123_456_789).zone("intel-rapl:0:0", "core", 23_456_789)
                .zone("intel-rapl:0:1", "dram", 3_456_789);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        System.out.printf(Locale.ROOT, "WattIQ meter overhead: measuring `sleep %d`, RAPL on a fake powercap tree, process scope on the real /proc%n", seconds);
        System.out.printf(Locale.ROOT, "JVM %s, %d CPUs visible, attribution period %d ms%n%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), attribution.toMillis());
        Run baseline = run(seconds, 0, false, fake, attribution, threads, os);
        System.out.printf(Locale.ROOT, "%-10s %8s %9s %14s %14s %16s %8s %9s%n", "interval", "wall_s", "readings", "sampler_cpu_ms",
                "sampler_%core", "jvm-baseline_%", "goal_%", "B/reading");
        System.out.printf(Locale.ROOT, "%-10s %8.2f %9s %14s %14s %16s %8s   (jvm cpu %.1f ms)%n", "no meter", baseline.wallSeconds, "-", "-", "-",
                "-", "-", baseline.jvmCpuNanos / 1e6);
        List<int[]> plan = new ArrayList<>();
        for (int ms : intervals) plan.add(new int[]{ms, 0});
        plan.add(new int[]{1, 1});
        plan.add(new int[]{100, 1});
        for (int[] p : plan) {
            int ms = p[0];
            boolean noop = p[1] == 1;
            Run r = run(seconds, ms, noop, fake, attribution, threads, os);
            double samplerPct = 100.0 * r.samplerCpuNanos / (r.wallSeconds * 1e9);
            double jvmPct = 100.0 * (r.jvmCpuNanos - baseline.jvmCpuNanos) / (r.wallSeconds * 1e9);
            double goal = ms >= 100 ? 0.1 : ms <= 1 ? 2.0 : Double.NaN;
            System.out.printf(Locale.ROOT, "%-10s %8.2f %9d %14.1f %14.4f %16.4f %8s %9d   (%s)%n", ms + " ms" + (noop ? " noop" : ""), r.wallSeconds, r.readings,
                    r.samplerCpuNanos / 1e6, samplerPct, jvmPct, Double.isNaN(goal) ? "-" : String.valueOf(goal),
                    r.readings > 0 ? r.samplerAllocatedBytes / r.readings : 0, r.summary);
        }
    }

    private record Run(double wallSeconds, long samplerCpuNanos, long jvmCpuNanos, long readings, long samplerAllocatedBytes,
                       String summary) {
    }

    private static Run run(int seconds, int intervalMs, boolean noop, FakePowercap fake, Duration attribution, ThreadMXBean threads,
                           com.sun.management.OperatingSystemMXBean os) throws Exception {
        System.gc();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Process sleep = new ProcessBuilder("sleep", Integer.toString(seconds)).inheritIO().start();
        if (intervalMs == 0) {
            sleep.waitFor();
            return new Run((System.nanoTime() - t0) / 1e9, 0, os.getProcessCpuTime() - cpu0, 0, 0, "");
        }
        SensorEnvironment env = SensorEnvironment.system().withSysfsRoot(fake.sysfsRoot()).withScope(Scope.PROCESS, sleep.pid())
                .withAttributionPeriod(attribution);
        Sensors.Selection sel = noop
                ? new Sensors.Selection(List.of(new ScriptedSensor("noop", Duration.ZERO)), List.of())
                : Sensors.select(env);
        if (!noop && (sel.sensors().isEmpty() || !sel.sensors().getFirst().name().equals("rapl"))) {
            throw new IllegalStateException("the fake RAPL tree was not selected: " + sel.skipped());
        }
        long samplerCpu;
        long samplerAlloc;
        long readings;
        Measurement m;
        try (Meter meter = Meter.start(sel.sensors(), env, Duration.ofMillis(intervalMs))) {
            Window w = meter.window("sleep");
            long samplerId = samplerThreadId(threads);
            var alloc = (com.sun.management.ThreadMXBean) threads;
            long s0 = threads.getThreadCpuTime(samplerId);
            long a0 = alloc.getThreadAllocatedBytes(samplerId);
            sleep.waitFor();
            samplerCpu = threads.getThreadCpuTime(samplerId) - s0;
            samplerAlloc = alloc.getThreadAllocatedBytes(samplerId) - a0;
            m = w.end();
            readings = meter.samplesTaken();
        }
        long jvm = os.getProcessCpuTime() - cpu0;
        return new Run((System.nanoTime() - t0) / 1e9, samplerCpu, jvm, readings, samplerAlloc,
                m.samples() + " samples, " + String.join(",", m.joulesByComponent().keySet()));
    }

    private static long samplerThreadId(ThreadMXBean threads) {
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().equals("wattiq-sampler")) return t.getThreadId();
        }
        throw new IllegalStateException("no wattiq-sampler thread");
    }
}
