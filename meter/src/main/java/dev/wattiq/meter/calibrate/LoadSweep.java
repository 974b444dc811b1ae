package dev.wattiq.meter.calibrate;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The built-in load of {@code wattiq calibrate}: a number of threads that each keep one logical CPU busy with
 * arithmetic, started and stopped step by step. The levels go from none to every logical CPU in at most seven steps.
 */
public final class LoadSweep implements AutoCloseable {
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean spinning;
    private volatile double sink;

    /** The thread counts to step through for {@code cpus} logical CPUs: 0, then fractions up to all of them. */
    public static List<Integer> levels(int cpus) {
        if (cpus < 1) throw new IllegalArgumentException("need at least one logical CPU, got " + cpus);
        TreeSet<Integer> l = new TreeSet<>();
        l.add(0);
        for (double f : new double[] {0.125, 0.25, 0.5, 0.75, 1.0}) l.add(Math.max(1, (int) Math.round(cpus * f)));
        if (cpus <= 6) for (int i = 1; i <= cpus; i++) l.add(i);
        return List.copyOf(l);
    }

    /** Keeps {@code n} threads busy from now on (stopping the previous ones first). */
    public void run(int n) {
        stop();
        spinning = true;
        for (int i = 0; i < n; i++) {
            threads.add(Thread.ofPlatform().daemon().name("wattiq-load-" + i).start(this::spin));
        }
    }

    private void spin() {
        double x = 1.0001;
        long i = 0;
        while (spinning) {
            x = x * 1.0000001 + 1e-9;
            if (++i % 1_000_000 == 0) sink = x; // keeps the loop from being optimised away
        }
    }

    /** Stops the load. */
    public void stop() {
        spinning = false;
        for (Thread t : threads) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public void close() {
        stop();
    }
}
