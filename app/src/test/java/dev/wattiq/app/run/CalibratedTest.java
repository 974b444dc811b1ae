package dev.wattiq.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wattiq.app.cli.Errors;
import dev.wattiq.meter.Scope;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.calibrate.Calibrator;
import dev.wattiq.meter.testing.FakeDedicatedMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Calibrated#of} without the CLI, against a fake dedicated 2-CPU machine (40 W + 12 W per busy CPU) or none. */
class CalibratedTest {
    @TempDir
    Path tmp;

    /** What the sweep told, in order. */
    private final List<String> told = new ArrayList<>();

    private final Calibrated.Progress progress = new Calibrated.Progress() {
        @Override
        public void started(int steps, Duration settle, Duration step, String wallSource) {
            told.add("started " + steps + " " + settle + " " + step + " " + wallSource);
        }

        @Override
        public void step(Calibrator.Step step, int index, int of) {
            told.add("step " + (index + 1) + "/" + of);
        }
    };

    private static CalibrateRequest request(Path sys, Path proc, Path saveTo) {
        SensorEnvironment env = SensorEnvironment.system().withSysfsRoot(sys).withProcfsRoot(proc).withScope(Scope.MACHINE, 0);
        return new CalibrateRequest(env, List.of(), Duration.ofMillis(300), Duration.ofMillis(500), saveTo);
    }

    @Test
    void aUsableFitIsSavedWhereTheRequestSaysAndEveryStepIsTold() throws Exception {
        Path file = tmp.resolve("home/calibration/this-host.properties");
        Calibrated fit;
        try (FakeDedicatedMachine.Running machine = FakeDedicatedMachine.start(tmp, "Fake EPYC 2-CPU", 2, 40, 12)) {
            fit = Calibrated.of(request(machine.sysfsRoot(), machine.procfsRoot(), file), progress);
        }
        assertThat(fit.usable()).isTrue();
        fit.requireUsable();
        assertThat(fit.noSave()).isFalse();
        assertThat(fit.saved()).isEqualTo(file);
        assertThat(Files.readString(file)).contains("cpu_model=Fake EPYC 2-CPU", "logical_cpus=2", "wall_source=hwmon");
        assertThat(fit.steps()).hasSize(3);
        assertThat(fit.calibration().logicalCpus()).isEqualTo(2);
        assertThat(told).hasSize(4).containsSubsequence("step 1/3", "step 2/3", "step 3/3");
        assertThat(told.getFirst()).startsWith("started ").contains(" PT0.3S PT0.5S hwmon");
    }

    @Test
    void theAnnouncedStepsAreTheMachinesNotThisJvmsCpus() throws Exception {
        // an 8-CPU machine seen through its procfs from this (2-CPU) host: the sweep and its announcement count 8
        Calibrated fit;
        try (FakeDedicatedMachine.Running machine = FakeDedicatedMachine.start(tmp, "Fake EPYC 8-CPU", 8, 60, 9)) {
            fit = Calibrated.of(request(machine.sysfsRoot(), machine.procfsRoot(), null), progress);
        }
        assertThat(fit.steps()).hasSize(6); // 0, 1, 2, 4, 6 and 8 load threads
        assertThat(told.getFirst()).startsWith("started 6 ");
        assertThat(told).hasSize(7).contains("step 6/6");
    }

    @Test
    void withoutSaveToTheFitIsOnlyReturned() throws Exception {
        Calibrated fit;
        try (FakeDedicatedMachine.Running machine = FakeDedicatedMachine.start(tmp, "Fake EPYC 2-CPU", 2, 40, 12)) {
            fit = Calibrated.of(request(machine.sysfsRoot(), machine.procfsRoot(), null), progress);
        }
        assertThat(fit.saved()).isNull();
        assertThat(fit.noSave()).isTrue();
        assertThat(fit.steps()).hasSize(3);
    }

    @Test
    void withoutAWallSourceItIsAUserErrorAndNothingIsSavedOrTold() {
        Path file = tmp.resolve("calibration.properties");
        assertThatThrownBy(() -> Calibrated.of(request(tmp.resolve("empty-sys"), tmp.resolve("empty-proc"), file), progress))
                .isInstanceOf(Errors.UserError.class)
                .hasMessageStartingWith("calibrate needs a wall source, and there is none: no ACPI power meter under " + tmp.resolve("empty-sys/class/hwmon"));
        assertThat(file).doesNotExist();
        assertThat(told).isEmpty();
    }

    @Test
    void aStepShorterThan200msIsAUserError() {
        assertThatThrownBy(() -> new CalibrateRequest(SensorEnvironment.system(), List.of(), Duration.ZERO, Duration.ofMillis(199), null))
                .isInstanceOf(Errors.UserError.class).hasMessage("--step must be at least 200ms, got 199ms");
    }
}
