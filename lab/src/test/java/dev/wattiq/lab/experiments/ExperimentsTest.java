package dev.wattiq.lab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wattiq.meter.Meter;
import dev.wattiq.meter.SensorEnvironment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The experiments under a meter whose only sensor is a fake energy counter ({@link PollCounter#oneJoulePerPoll()}),
 * so each Point's energy is exactly the window's counter difference.
 */
class ExperimentsTest {
    static final LabConfig SMALL = new LabConfig(60, 12, 48, 0, 3, 0.05f, 7, 2);

    static List<Trial> run(Experiment e, LabConfig c, Pricer pricer) {
        List<Trial> seen = new ArrayList<>();
        try (Meter m = Meter.manual(List.of(PollCounter.oneJoulePerPoll()), SensorEnvironment.system())) {
            List<Trial> out = e.run(c, new LabRunner(m, pricer, seen::add));
            assertThat(out).hasSize(e.trials(c));
            assertThat(seen).hasSize(out.size());
            return out;
        }
    }

    @Test
    void eachTrialIsOneWindowPricedIntoAPoint() {
        Pricer flat = m -> new Pricer.Price(m.totalJoules() * 2, "EUR", m.totalJoules() * 3, m.totalJoules() * 4);
        for (Trial t : run(Experiment.PRECISION, SMALL, flat)) {
            // a manual meter polls once at the window's start and once at its end: exactly one joule in between
            assertThat(t.point().energyJoules()).isEqualTo(1.0);
            assertThat(t.point().cost()).isEqualTo(2.0);
            assertThat(t.point().currency()).isEqualTo("EUR");
            assertThat(t.point().co2eLocationKg()).isEqualTo(3.0);
            assertThat(t.point().co2eMarketKg()).isEqualTo(4.0);
            assertThat(t.point().qualityMetric()).isEqualTo("r2");
            assertThat(t.point().measured()).isTrue();
            assertThat(t.loopSeconds()).isPositive().isLessThanOrEqualTo(t.point().durationSeconds());
        }
    }

    @Test
    void seedHasNoQualityTheTeacherTaskLearns() {
        Trial seed = run(Experiment.SEED, SMALL, Pricer.UNPRICED).getFirst();
        assertThat(seed.point().quality()).isNaN();
        assertThat(seed.point().cost()).isNaN();
        assertThat(seed.quality()).isEmpty();
        LabConfig longer = new LabConfig(400, 20, 48, 0, 3, 0.05f, 7, 1);
        Trial q = run(Experiment.QUALITY, longer, Pricer.UNPRICED).getFirst();
        assertThat(q.quality().get("r2")).as("R² after 400 steps on a 48-feature teacher").isGreaterThan(0.9);
        assertThat(q.quality().get("gap_to_floor")).isPositive();
        assertThat(q.quality().get("test_mse")).isGreaterThan(TeacherTask.NOISE_STD * TeacherTask.NOISE_STD);
    }

    @Test
    void fixedSeedsReproduce() {
        double a = run(Experiment.QUALITY, SMALL, Pricer.UNPRICED).getFirst().finalLoss();
        double b = run(Experiment.QUALITY, SMALL, Pricer.UNPRICED).getFirst().finalLoss();
        assertThat(a).isEqualTo(b);
    }

    @Test
    void pruningCostsQualityInOrderAndTheSweepCoversZeroToNinetyFive() {
        LabConfig c = new LabConfig(300, 20, 48, 0, 3, 0.05f, 7, 1);
        List<Trial> trials = run(Experiment.PRUNE, c, Pricer.UNPRICED);
        double r0 = quality(trials, "prune-l1-0"), r50 = quality(trials, "prune-l1-50"), r95 = quality(trials, "prune-l1-95");
        assertThat(r0).isGreaterThan(r50);
        assertThat(r50).isGreaterThan(r95);
        Trial t95 = trials.stream().filter(t -> t.name().equals("prune-l1-95")).findFirst().orElseThrow();
        assertThat(t95.figures().get("sparsity")).isEqualTo(0.95, org.assertj.core.data.Offset.offset(0.005));
        assertThat(t95.figures()).containsKeys("dense_kernel_step_us", "sparse_kernel_step_us", "break_even_sparsity");
        assertThat(trials).extracting(Trial::name).contains("prune-l1-50-init", "prune-rows-50");
    }

    @Test
    void parallelWorkersLearnTheSameModel() {
        List<Trial> t = run(Experiment.PARALLEL, SMALL, Pricer.UNPRICED);
        assertThat(t).extracting(Trial::name).containsExactly("parallel-k1", "parallel-k2");
        assertThat(t.get(1).quality().get("r2")).isEqualTo(t.get(0).quality().get("r2"), org.assertj.core.data.Offset.offset(1e-5));
        assertThat(t.get(1).figures().get("energy_per_worker_j")).isEqualTo(t.get(1).point().energyJoules() / 2);
    }

    @Test
    void badConfigsAreRejectedWithTheFlag() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LabConfig(0, 1, 1, 0, 1, 0.1f, 1, 1)).hasMessage("--steps must be at least 1, got 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LabConfig(1, 1, 1, 0, 1, Float.NaN, 1, 1)).hasMessageContaining("--lr");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Experiment.parse("bogus")).hasMessageContaining("seed, quality");
    }

    private static double quality(List<Trial> trials, String name) {
        return trials.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().point().quality();
    }
}
