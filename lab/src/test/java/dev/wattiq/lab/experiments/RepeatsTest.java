package dev.wattiq.lab.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wattiq.meter.Meter;
import dev.wattiq.meter.SensorEnvironment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Repeated windows per trial, the test-set standard error of R², and the demo set without duplicate configurations. */
class RepeatsTest {
    static final LabConfig SMALL = new LabConfig(40, 12, 48, 0, 3, 0.05f, 7, 2);

    @Test
    void eachRepeatIsItsOwnWindowAndTheSpreadIsReported() {
        Pricer flat = m -> new Pricer.Price(m.totalJoules() * 2, "EUR", m.totalJoules() * 3, m.totalJoules() * 4);
        List<Trial> seen = new ArrayList<>();
        try (Meter m = Meter.manual(List.of(PollCounter.growing()), SensorEnvironment.system())) {
            List<Trial> out = Experiment.QUALITY.run(SMALL, new LabRunner(m, flat, seen::add, 3));
            assertThat(out).hasSize(1);
            assertThat(seen).hasSize(1); // one trial, however many repeats
            Trial t = out.getFirst();
            assertThat(t.figures().get("repeats")).isEqualTo(3.0);
            assertThat(t.figures().get("energy_j_sd")).isEqualTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(t.point().cost()).isEqualTo(2 * t.point().energyJoules(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(t.point().energyJoules()).isGreaterThan(t.measurement().totalJoules() - 2.0 - 1e-9)
                    .isLessThan(t.measurement().totalJoules()); // the mean lies below the last (largest) window
        }
    }

    @Test
    void oneRepeatHasNoSpreadAndZeroRepeatsIsRefused() {
        Pricer flat = m -> new Pricer.Price(0, "EUR", 0, 0);
        try (Meter m = Meter.manual(List.of(PollCounter.growing()), SensorEnvironment.system())) {
            Trial t = Experiment.QUALITY.run(SMALL, new LabRunner(m, flat, x -> { })).getFirst();
            assertThat(t.figures().get("energy_j_sd")).isNaN();
            assertThatThrownBy(() -> new LabRunner(m, flat, x -> { }, 0)).hasMessageContaining("repeats must be at least 1");
        }
    }

    @Test
    void r2StandardErrorIsSmallButPositive() {
        try (Meter m = Meter.manual(List.of(PollCounter.growing()), SensorEnvironment.system())) {
            Trial t = Experiment.QUALITY.run(SMALL, new LabRunner(m, x -> new Pricer.Price(0, "EUR", 0, 0), x -> { })).getFirst();
            double se = t.quality().get("r2_se");
            assertThat(se).isPositive().isLessThan(0.05);
        }
    }

    @Test
    void theDemoSetHoldsEveryConfigurationOnce() {
        try (Meter m = Meter.manual(List.of(PollCounter.growing()), SensorEnvironment.system())) {
            List<Trial> all = Experiment.all(SMALL, new LabRunner(m, x -> new Pricer.Price(0, "EUR", 0, 0), x -> { }), Experiment.QUICK_SWEEP);
            assertThat(all).hasSize(Experiment.allTrials(SMALL, Experiment.QUICK_SWEEP));
            assertThat(all).extracting(Trial::name).doesNotHaveDuplicates().doesNotContain("prune-l1-0").contains("quality", "prune-l1-20");
            assertThatThrownBy(() -> Experiment.all(SMALL, new LabRunner(m, x -> new Pricer.Price(0, "EUR", 0, 0), x -> { }), new double[] {0}))
                    .hasMessageContaining("strictly between 0 and 1");
        }
    }
}
