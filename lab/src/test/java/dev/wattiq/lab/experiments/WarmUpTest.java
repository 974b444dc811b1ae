package dev.wattiq.lab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wattiq.meter.Meter;
import dev.wattiq.meter.SensorEnvironment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The untimed warm-up: bounded, stated, and invisible in what the measured runs learn. */
class WarmUpTest {
    @Test
    void boundedAndInWholeRounds() {
        WarmUp w = WarmUp.run(RepeatsTest.SMALL, true);
        assertThat(w.steps()).isBetween(WarmUp.MIN_STEPS, WarmUp.MAX_STEPS);
        assertThat(w.steps() % WarmUp.ROUND).isZero();
        assertThat(w.seconds()).isPositive();
        assertThat(w.describe()).startsWith("JIT warm-up: " + w.steps() + " untimed training steps").contains("--no-warm-up");
        if (!w.settled()) assertThat(w.describe()).contains("not settled");
    }

    @Test
    void theMeasuredRunsLearnTheSameWithOrWithoutIt() {
        Pricer free = m -> new Pricer.Price(0, "EUR", 0, 0);
        try (Meter m = Meter.manual(List.of(PollCounter.growing()), SensorEnvironment.system())) {
            Trial cold = Experiment.SEED.run(RepeatsTest.SMALL, new LabRunner(m, free, t -> { })).getFirst();
            Trial coldQuality = Experiment.QUALITY.run(RepeatsTest.SMALL, new LabRunner(m, free, t -> { })).getFirst();
            WarmUp.run(RepeatsTest.SMALL, true);
            Trial warm = Experiment.SEED.run(RepeatsTest.SMALL, new LabRunner(m, free, t -> { })).getFirst();
            Trial warmQuality = Experiment.QUALITY.run(RepeatsTest.SMALL, new LabRunner(m, free, t -> { })).getFirst();
            // no state is shared; only the last bits may differ: the vector kernels, interpreted cold and C2-compiled warm,
            // may round a reduction differently (seen: 1.5117276073 vs 1.5117276062)
            assertThat(warm.finalLoss()).isCloseTo(cold.finalLoss(), org.assertj.core.data.Percentage.withPercentage(1e-4));
            for (String k : coldQuality.quality().keySet()) {
                assertThat(warmQuality.quality().get(k)).as(k).isCloseTo(coldQuality.quality().get(k), org.assertj.core.data.Percentage.withPercentage(1e-4));
            }
        }
    }

    @Test
    void sixteenBitRunsAreMarkedEmulated() {
        Pricer free = m -> new Pricer.Price(0, "EUR", 0, 0);
        try (Meter m = Meter.manual(List.of(PollCounter.growing()), SensorEnvironment.system())) {
            List<Trial> p = Experiment.PRECISION.run(RepeatsTest.SMALL, new LabRunner(m, free, t -> { }));
            assertThat(p).extracting(t -> t.config().get("emulated")).containsExactly(null, "true", "true");
        }
    }

    @Test
    void passesArePooledByNameWithTheSpreadAcrossPasses() {
        Pricer flat = m -> new Pricer.Price(m.totalJoules() * 2, "EUR", 0, 0);
        try (Meter m = Meter.manual(List.of(PollCounter.growing()), SensorEnvironment.system())) {
            List<Trial> a = Experiment.QUALITY.run(RepeatsTest.SMALL, new LabRunner(m, flat, t -> { }));
            List<Trial> b = Experiment.QUALITY.run(RepeatsTest.SMALL, new LabRunner(m, flat, t -> { }));
            List<Trial> p = LabRunner.pooled(List.of(a, b));
            assertThat(p).hasSize(1);
            double ea = a.getFirst().point().energyJoules(), eb = b.getFirst().point().energyJoules();
            assertThat(ea).isNotEqualTo(eb); // the growing counter: each window sees more
            Trial t = p.getFirst();
            assertThat(t.point().energyJoules()).isEqualTo((ea + eb) / 2, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(t.figures().get("energy_j_sd")).isEqualTo(Math.abs(ea - eb) / Math.sqrt(2), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(t.figures().get("repeats")).isEqualTo(2.0);
            assertThat(t.point().cost()).isEqualTo(ea + eb, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(t.quality()).isEqualTo(b.getFirst().quality());
        }
    }
}
