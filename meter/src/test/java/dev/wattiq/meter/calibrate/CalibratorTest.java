package dev.wattiq.meter.calibrate;

import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.estimate.CpuCalibration;
import dev.wattiq.meter.estimate.CpuEstimateProvider;
import dev.wattiq.meter.hwmon.HwmonWallProvider;
import dev.wattiq.meter.testing.FakeDedicatedMachine;
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
        int cpus = 2;
        List<Calibrator.Step> seen = new ArrayList<>();
        SensorEnvironment env;
        Calibrator.Outcome o;
        try (FakeDedicatedMachine.Running machine = FakeDedicatedMachine.start(dir, "Fake EPYC 2-CPU", cpus, IDLE, PER_CPU)) {
            env = SensorEnvironment.system().withSysfsRoot(machine.sysfsRoot()).withProcfsRoot(machine.procfsRoot());
            Sensor wall = new HwmonWallProvider().open(env);
            o = Calibrator.run(wall, env, new Calibrator.Settings(Duration.ofMillis(400), Duration.ofMillis(1500), Duration.ofMillis(50)),
                    "test-host", (s, i, n) -> seen.add(s));
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
}
