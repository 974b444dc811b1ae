package dev.wattiq.app.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wattiq.lab.experiments.Experiment;
import dev.wattiq.lab.experiments.LabConfig;
import dev.wattiq.meter.UserInputException;
import org.junit.jupiter.api.Test;

/** The lab and demo requests check the user's values before any work, without a command line. */
class LabRequestsTest {
    @Test
    void aLabRequestNeedsOneRepeatAtLeast() {
        assertThatThrownBy(() -> new LabRequest(Experiment.SEED, LabConfig.article(), 0, false, false))
                .isInstanceOf(UserInputException.class).hasMessage("--repeats must be at least 1, got 0");
        assertThat(new LabRequest(Experiment.SEED, LabConfig.article(), 2, false, false).repeats()).isEqualTo(2);
    }

    @Test
    void aDemoRequestChecksTheToleranceBeforeItSizesTheSet() {
        assertThatThrownBy(() -> DemoRequest.of(false, -1, steps -> {
            throw new AssertionError("sized before the tolerance was checked");
        }, false, false)).isInstanceOf(UserInputException.class).hasMessage("--tolerance must be zero or more (R² units), got -1.0");
    }

    @Test
    void quickIsTheShorterSet() {
        DemoRequest quick = DemoRequest.of(true, 0, LabRequestsTest::article, false, false);
        DemoRequest full = DemoRequest.of(false, 0, LabRequestsTest::article, false, false);
        assertThat(quick.config().steps()).isEqualTo(DemoRequest.QUICK_STEPS);
        assertThat(full.config().steps()).isEqualTo(DemoRequest.FULL_STEPS);
        assertThat(quick.repeats()).isLessThan(full.repeats());
        assertThat(quick.sweep()).isEqualTo(Experiment.QUICK_SWEEP);
        assertThat(full.sweep()).isEqualTo(Experiment.DEMO_SWEEP);
    }

    private static LabConfig article(int steps) {
        LabConfig a = LabConfig.article();
        return new LabConfig(steps, a.batch(), a.width(), a.hidden(), a.outputs(), a.lr(), a.seed(), a.maxWorkers());
    }
}
