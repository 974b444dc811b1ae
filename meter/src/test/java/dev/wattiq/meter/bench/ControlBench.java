package dev.wattiq.meter.bench;

import dev.wattiq.meter.Meter;
import dev.wattiq.meter.Scope;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.Sensors;
import dev.wattiq.meter.Window;
import dev.wattiq.meter.control.ControlBenchAccess;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * The control server's own share of a request, without the socket: a window's open+close and a work report handled
 * by the same code the socket uses, over this machine's real sensors in process scope (of this JVM), at the default
 * 100 ms interval. Run by bench/python-client.sh after the Python client's round trips, so the two can be compared.
 * Usage: ControlBench [iterations=20000]
 */
public final class ControlBench {
    private ControlBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        SensorEnvironment env = SensorEnvironment.system().withScope(Scope.PROCESS, ProcessHandle.current().pid());
        Sensors.Selection sel = Sensors.select(env);
        try (Meter meter = Meter.start(sel.sensors(), env, Duration.ofMillis(100))) {
            Window run = meter.window("run");
            ControlBenchAccess session = new ControlBenchAccess(meter, run);
            long[] window = new long[n];
            long[] work = new long[n];
            long[] fetched = new long[n / 10];
            for (int i = 0; i < n / 4; i++) session.openClose("warm-up"); // JIT
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                session.openClose("w");
                window[i] = System.nanoTime() - t;
                t = System.nanoTime();
                session.work();
                work[i] = System.nanoTime() - t;
            }
            for (int i = 0; i < fetched.length; i++) {
                long t = System.nanoTime();
                session.openCloseFetch("f");
                fetched[i] = System.nanoTime() - t;
            }
            System.out.println("server side, no socket (" + String.join(", ", sel.sensors().stream().map(s -> s.name()).toList()) + ", process scope):");
            print("  handle open + close (stamps, no reading)", window);
            print("  open + close + window (waits for a reading)", fetched);
            print("  handle work", work);
        }
    }

    private static void print(String label, long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-46s p50 %8.2f us  p99 %8.2f us  p99.9 %8.2f us  (n=%d)%n", label, s[s.length / 2] / 1e3,
                s[(int) (0.99 * s.length)] / 1e3, s[(int) (0.999 * s.length)] / 1e3, s.length);
    }
}
