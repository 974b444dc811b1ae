package dev.wattiq.meter.bench;

import dev.wattiq.meter.Measurement;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.Scope;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.Sensors;
import dev.wattiq.meter.Window;
import dev.wattiq.meter.redfish.RedfishTarget;
import dev.wattiq.meter.testing.FakeHwmon;
import dev.wattiq.meter.testing.FakePowercap;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The meter's CPU share with the wall sources beside RAPL, printed beside RAPL alone: not a test, a benchmark.
 *
 * <p>Each run measures {@code sleep N} at a 100 ms interval in process scope on the real {@code /proc}, RAPL on a fake
 * powercap tree (the real read path). "RAPL + hwmon + Redfish" adds an ACPI power meter on a fake hwmon tree
 * ({@code power1_average}, 1 s averaging interval, so read once a second) and a fake BMC on loopback in a JVM of its
 * own (EnvironmentMetrics through a Sensor with {@code SensingInterval} PT1S, basic auth, plain http to loopback),
 * polled at its own 1 s refresh by the Redfish poller thread. The variants run interleaved, {@code repeats} times, in
 * one JVM. Figures: the sampler thread's CPU time, the Redfish poller's and the HTTP client's threads' CPU time (alive
 * at the end of the run), and the whole JVM's CPU time minus a no-meter run of the same sleep, each as a share of one
 * core over the run's wall time.
 *
 * <p>Usage: {@code WallOverheadBench [seconds=20] [repeats=3]}; see {@code bench/wall-overhead.sh}.
 */
public final class WallOverheadBench {
    private WallOverheadBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path tmp = Files.createTempDirectory("wattiq-wall-bench");
        FakePowercap rapl = new FakePowercap(tmp.resolve("sys"), true)
                .zone("intel-rapl:0", "package-0", 123_456_789).zone("intel-rapl:0:0", "core", 23_456_789)
                .zone("intel-rapl:0:1", "dram", 3_456_789);
        Path wallSys = tmp.resolve("sys-wall");
        new FakePowercap(wallSys, true).zone("intel-rapl:0", "package-0", 123_456_789).zone("intel-rapl:0:0", "core", 23_456_789)
                .zone("intel-rapl:0:1", "dram", 3_456_789);
        new FakeHwmon(wallSys).device(0, "power_meter", true).power(0, "power1_average", 250).write(0, "power1_average_interval", "1000\n");
        Path pw = Files.writeString(tmp.resolve("pw"), "bench-password\n");
        Process bmcProcess = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "dev.wattiq.meter.testing.FakeBmcMain", "admin", "bench-password", "240")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String url = new BufferedReader(new InputStreamReader(bmcProcess.getInputStream())).readLine();
        try {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            SensorEnvironment raplOnly = SensorEnvironment.system().withSysfsRoot(rapl.sysfsRoot());
            SensorEnvironment all = SensorEnvironment.system().withSysfsRoot(wallSys)
                    .withRedfish(Optional.of(RedfishTarget.parse(url, "admin", pw, null, false)));
            System.out.printf(Locale.ROOT, "WattIQ meter overhead with wall sources: `sleep %d` at 100 ms, process scope on the real /proc,"
                    + " %d interleaved repeats%nJVM %s, %d CPUs visible; fake BMC %s in its own JVM%n%n", seconds, repeats, Runtime.version(),
                    Runtime.getRuntime().availableProcessors(), url);
            run(2, raplOnly, false, threads, os); // warm-up: class loading and the first JIT tiers, not measured
            run(2, all, true, threads, os);
            long baseline = run(seconds, null, false, threads, os).jvmCpuNanos;
            System.out.printf(Locale.ROOT, "%-24s %8s %9s %14s %16s %14s %10s%n", "sensors", "wall_s", "readings", "sampler_%core",
                    "redfish+http_%core", "jvm-baseline_%", "polls");
            List<double[]> r = new ArrayList<>();
            List<double[]> w = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                r.add(print("RAPL only", run(seconds, raplOnly, false, threads, os), baseline));
                w.add(print("RAPL + hwmon + Redfish", run(seconds, all, true, threads, os), baseline));
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "medians over %d runs (after one unmeasured 2 s warm-up run of each):%n", repeats);
            System.out.printf(Locale.ROOT, "%-24s sampler %.4f %%core, redfish+http %.4f %%core, jvm-baseline %.4f %%%n", "RAPL only",
                    median(r, 0), median(r, 1), median(r, 2));
            System.out.printf(Locale.ROOT, "%-24s sampler %.4f %%core, redfish+http %.4f %%core, jvm-baseline %.4f %%%n", "RAPL + hwmon + Redfish",
                    median(w, 0), median(w, 1), median(w, 2));
        } finally {
            bmcProcess.getOutputStream().close();
            bmcProcess.destroy();
        }
    }

    private record Run(double wallSeconds, long samplerCpuNanos, long wallThreadsCpuNanos, long jvmCpuNanos, long readings, String summary) {
    }

    private static double[] print(String name, Run r, long baseline) {
        double sampler = 100.0 * r.samplerCpuNanos / (r.wallSeconds * 1e9);
        double wall = 100.0 * r.wallThreadsCpuNanos / (r.wallSeconds * 1e9);
        double jvm = 100.0 * (r.jvmCpuNanos - baseline) / (r.wallSeconds * 1e9);
        System.out.printf(Locale.ROOT, "%-24s %8.2f %9d %14.4f %16.4f %14.4f   %s%n", name, r.wallSeconds, r.readings, sampler, wall, jvm, r.summary);
        return new double[] {sampler, wall, jvm};
    }

    private static double median(List<double[]> runs, int k) {
        double[] v = runs.stream().mapToDouble(a -> a[k]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /**
     * One run; with {@code walls}, both wall sensors (the hwmon power meter and the BMC) are opened before the sleep
     * starts, as {@code wattiq run} opens its wall (the meter would pick one wall source; here both run, to cost both).
     */
    private static Run run(int seconds, SensorEnvironment base, boolean walls, ThreadMXBean threads,
                           com.sun.management.OperatingSystemMXBean os) throws Exception {
        System.gc();
        List<dev.wattiq.meter.Sensor> sensors = new ArrayList<>();
        if (walls) {
            sensors.add(new dev.wattiq.meter.hwmon.HwmonWallProvider().open(base));
            sensors.add(new dev.wattiq.meter.redfish.RedfishProvider().open(base));
        }
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Process sleep = new ProcessBuilder("sleep", Integer.toString(seconds)).inheritIO().start();
        if (base == null) {
            sleep.waitFor();
            return new Run((System.nanoTime() - t0) / 1e9, 0, 0, os.getProcessCpuTime() - cpu0, 0, "");
        }
        SensorEnvironment env = base.withScope(Scope.PROCESS, sleep.pid());
        Sensors.Selection cpu = Sensors.select(env, Sensors.discovered().stream().filter(p -> p.covers().equals("cpu")).toList());
        sensors.addAll(0, cpu.sensors());
        Sensors.Selection sel = new Sensors.Selection(sensors, cpu.skipped());
        long samplerCpu;
        long wallCpu;
        long readings;
        Measurement m;
        long before = wallThreadsCpu(threads);
        try (Meter meter = Meter.start(sel.sensors(), env, Duration.ofMillis(100))) {
            Window w = meter.window("sleep");
            long samplerId = threadId(threads, "wattiq-sampler");
            long s0 = threads.getThreadCpuTime(samplerId);
            sleep.waitFor();
            samplerCpu = threads.getThreadCpuTime(samplerId) - s0;
            wallCpu = wallThreadsCpu(threads) - before;
            m = w.end();
            readings = meter.samplesTaken();
        }
        long jvm = os.getProcessCpuTime() - cpu0;
        String polls = m.assumptions().getOrDefault("redfish_polls", "");
        return new Run((System.nanoTime() - t0) / 1e9, samplerCpu, Math.max(0, wallCpu), jvm, readings,
                String.join("+", sel.sensors().stream().map(s -> s.name()).toList()) + (polls.isEmpty() ? "" : "; " + polls.replaceAll(";.*", "")));
    }

    /** CPU time of the Redfish poller and the JDK HTTP client's threads alive now. */
    private static long wallThreadsCpu(ThreadMXBean threads) {
        long sum = 0;
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t == null) continue;
            String n = t.getThreadName();
            if (n.equals("wattiq-redfish") || n.startsWith("HttpClient-")) sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
        }
        return sum;
    }

    private static long threadId(ThreadMXBean threads, String name) {
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds())).filter(t -> t != null && t.getThreadName().equals(name))
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + name + " thread")).getThreadId();
    }
}
