package dev.wattiq.meter.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The outside world for calibration tests: a dedicated machine of {@code cpus} CPUs on which each of the calibration
 * sweep's load threads ({@code wattiq-load-*}) keeps one CPU busy. It writes the {@code /proc/stat} those threads would
 * produce into a fake procfs, and sets a fake power meter by the law {@code idle + perCpu x busy CPUs}. The shared build
 * machine cannot stand in: other work keeps its CPUs busy, so its real /proc/stat hardly moves with the sweep.
 * {@code /proc/stat} is rewritten in one fixed-width positional write (the kernel makes each read whole; a
 * truncate-and-write could be read half-done).
 */
public final class FakeDedicatedMachine {
    private final Path stat;
    private final int cpus;
    private final FakeHwmon hw;
    private final int hwmon;
    private final String file;
    private final double idleWatts;
    private final double perCpuWatts;
    private long lastNanos = System.nanoTime();
    private double busyTicks;
    private double idleTicks;

    private FakeDedicatedMachine(Path stat, int cpus, FakeHwmon hw, int hwmon, String file, double idleWatts, double perCpuWatts) {
        this.stat = stat;
        this.cpus = cpus;
        this.hw = hw;
        this.hwmon = hwmon;
        this.file = file;
        this.idleWatts = idleWatts;
        this.perCpuWatts = perCpuWatts;
    }

    /** A started machine: its fake sysfs (the power meter is hwmon0) and procfs roots; closing it stops the machine. */
    public record Running(Path sysfsRoot, Path procfsRoot, Thread physics) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            physics.interrupt();
            physics.join(2000);
        }
    }

    /**
     * Builds the machine under {@code dir} (an ACPI power meter in {@code dir/sys}, a procfs of a {@code cpuModel} with
     * {@code cpus} CPUs in {@code dir/proc}) and has it follow the sweep on a daemon thread until closed.
     */
    public static Running start(Path dir, String cpuModel, int cpus, double idleWatts, double perCpuWatts) throws IOException {
        FakeHwmon hw = new FakeHwmon(dir.resolve("sys")).device(0, "power_meter", true);
        hw.power(0, "power1_input", idleWatts);
        FakeProcfs procfs = new FakeProcfs(dir.resolve("proc"), cpuModel, cpus, 8 << 20);
        FakeDedicatedMachine machine = new FakeDedicatedMachine(procfs.root().resolve("stat"), cpus, hw, 0, "power1_input", idleWatts, perCpuWatts);
        machine.update();
        return new Running(hw.sysfsRoot(), procfs.root(), Thread.ofPlatform().daemon().start(machine::follow));
    }

    /** The sweep's live load threads. */
    public static int loadThreads() {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) if (t.isAlive() && t.getName().startsWith("wattiq-load-")) n++;
        return n;
    }

    /** Advances the fake machine to now. */
    public synchronized void update() throws IOException {
        long now = System.nanoTime();
        int busy = Math.min(cpus, loadThreads());
        double ticks = (now - lastNanos) / 10_000_000.0; // USER_HZ 100
        lastNanos = now;
        busyTicks += busy * ticks;
        idleTicks += (cpus - busy) * ticks;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "cpu  %015d 0 0 %015d 0 0 0 0 0 0%n", (long) busyTicks, (long) idleTicks));
        for (int i = 0; i < cpus; i++) s.append("cpu").append(i).append(" 0 0 0 0 0 0 0 0 0 0\n");
        try (FileChannel c = FileChannel.open(stat, StandardOpenOption.WRITE)) {
            byte[] b = s.toString().getBytes(StandardCharsets.US_ASCII);
            c.write(ByteBuffer.wrap(b), 0);
            c.truncate(b.length);
        }
        hw.power(hwmon, file, idleWatts + perCpuWatts * busy);
    }

    /** Updates every 20 ms until interrupted (run it on a thread of its own). */
    public void follow() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                update();
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            // done
        } catch (IOException e) {
            if (!Thread.currentThread().isInterrupted()) throw new java.io.UncheckedIOException(e);
        }
    }
}
