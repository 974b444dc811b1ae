package dev.wattiq.meter.calibrate;

import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.estimate.CpuCalibration;
import dev.wattiq.meter.estimate.CpuEstimateProvider;
import dev.wattiq.meter.hwmon.HwmonWallProvider;
import dev.wattiq.meter.testing.FakeHwmon;
import dev.wattiq.meter.testing.FakeProcfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The calibration through the real load sweep and the real procfs and hwmon read paths, against a fake machine: a
 * thread of the test plays the outside world, a dedicated 2-CPU machine on which each of the sweep's load threads keeps
 * one CPU busy. It watches the sweep's threads ({@code wattiq-load-*}), writes the fake {@code /proc/stat} they would
 * produce, and sets the fake power meter by the law {@code 40 W + 12 W per busy CPU}. The fit must recover that law.
 * (The real, shared build machine cannot stand in: the other helpers keep both CPUs busy, so the real /proc/stat
 * hardly moves with the sweep; LoadSweepTest checks that the threads really burn CPU.)
 */
class CalibratorTest {
    static final double IDLE = 40;
    static final double PER_CPU = 12;
    @TempDir
    Path dir;

    @Test
    void theFitRecoversTheWallsLawFromTheLoadSweep() throws Exception {
        Path sys = dir.resolve("sys");
        FakeHwmon hw = new FakeHwmon(sys).device(0, "power_meter", true);
        hw.power(0, "power1_input", IDLE);
        int cpus = 2;
        FakeProcfs procfs = new FakeProcfs(dir.resolve("proc"), "Fake EPYC 2-CPU", cpus, 8 << 20);
        Machine machine = new Machine(procfs.root().resolve("stat"), cpus);
        machine.update(hw);
        SensorEnvironment env = SensorEnvironment.system().withSysfsRoot(sys).withProcfsRoot(procfs.root());
        Thread physics = Thread.ofPlatform().daemon().start(() -> machine.follow(hw));
        List<Calibrator.Step> seen = new ArrayList<>();
        Calibrator.Outcome o;
        try {
            Sensor wall = new HwmonWallProvider().open(env);
            o = Calibrator.run(wall, env, new Calibrator.Settings(Duration.ofMillis(400), Duration.ofMillis(1500), Duration.ofMillis(50)),
                    "test-host", (s, i, n) -> seen.add(s));
        } finally {
            physics.interrupt();
            physics.join(2000);
        }
        CpuCalibration c = o.calibration();
        assertThat(seen).extracting(Calibrator.Step::threads).isEqualTo(LoadSweep.levels(cpus));
        assertThat(c.points().size()).isEqualTo(seen.size());
        assertThat(c.idleWatts()).isCloseTo(IDLE, within(1.5));
        assertThat(c.wattsPerBusyCpu()).isCloseTo(PER_CPU, within(1.0));
        assertThat(c.rmseWatts()).isLessThan(1.5);
        assertThat(c.wallSource()).contains("hwmon", "power_meter");
        assertThat(c.logicalCpus()).isEqualTo(cpus);
        assertThat(c.host()).isEqualTo("test-host");
        assertThat(seen.getFirst().busyCpus()).isCloseTo(0, within(0.15));
        assertThat(seen.getLast().busyCpus()).isCloseTo(cpus, within(0.15));

        Path file = dir.resolve("home/calibration/test-host.properties");
        c.write(file);
        CpuCalibration back = CpuCalibration.read(file);
        assertThat(back.idleWatts()).isCloseTo(c.idleWatts(), within(1e-3));
        assertThat(back.points()).hasSameSizeAs(c.points());
        assertThat(back.date()).isEqualTo(c.date());
        assertThat(back.wallSource()).isEqualTo(c.wallSource());
        assertThat(Files.readString(file)).contains("wall_source=", "idle_w=", "w_per_busy_cpu=", "loo_rmse_w=");

        // a later estimate on this machine uses the fit and names it
        try (Sensor estimate = new CpuEstimateProvider().open(env.withCpuCalibration(Optional.of(back)))) {
            assertThat(estimate.assumptions().get("cpu_model")).endsWith("(calibrated for this machine)");
            assertThat(estimate.assumptions().get("cpu_max_w")).contains("wattiq calibrate on test-host", "against the wall (hwmon");
            assertThat(estimate.assumptions()).doesNotContainKey("cpu_calibration");
        }
    }

    /**
     * The outside world: a dedicated 2-CPU machine whose busy CPUs are the sweep's live load threads, and whose power
     * meter reads 40 W + 12 W per busy CPU. {@code /proc/stat} is rewritten in one fixed-width positional write (the
     * kernel makes each read whole; a truncate-and-write could be read half-done).
     */
    static final class Machine {
        private final Path stat;
        private final int cpus;
        private long lastNanos = System.nanoTime();
        private double busyTicks;
        private double idleTicks;

        Machine(Path stat, int cpus) {
            this.stat = stat;
            this.cpus = cpus;
        }

        static int loadThreads() {
            int n = 0;
            for (Thread t : Thread.getAllStackTraces().keySet()) if (t.isAlive() && t.getName().startsWith("wattiq-load-")) n++;
            return n;
        }

        void update(FakeHwmon hw) throws java.io.IOException {
            long now = System.nanoTime();
            int busy = Math.min(cpus, loadThreads());
            double ticks = (now - lastNanos) / 10_000_000.0; // USER_HZ 100
            lastNanos = now;
            busyTicks += busy * ticks;
            idleTicks += (cpus - busy) * ticks;
            StringBuilder s = new StringBuilder(String.format(java.util.Locale.ROOT, "cpu  %015d 0 0 %015d 0 0 0 0 0 0%n",
                    (long) busyTicks, (long) idleTicks));
            for (int i = 0; i < cpus; i++) s.append("cpu").append(i).append(" 0 0 0 0 0 0 0 0 0 0\n");
            try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(stat, java.nio.file.StandardOpenOption.WRITE)) {
                byte[] b = s.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                c.write(java.nio.ByteBuffer.wrap(b), 0);
                c.truncate(b.length);
            }
            hw.power(0, "power1_input", IDLE + PER_CPU * busy);
        }

        void follow(FakeHwmon hw) {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    update(hw);
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                // done
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
