package dev.wattiq.app.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wattiq.lab.experiments.Trial;
import dev.wattiq.ledger.Point;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** The recommendation claims only savings larger than the measured run-to-run noise, and names both uncertainties. */
class BalanceTest {
    /** A trial of {@code joules} (mean of {@code repeats} runs with sample deviation {@code sd}) and R² {@code r2}. */
    static Trial trial(String name, double joules, double sd, int repeats, double r2, double r2se) {
        Point p = new Point(name, Map.of(), joules, 1, 0, "USD", 0, 0, r2, "r2", true);
        return new Trial(name, Map.of(), 1, 0, Map.of("r2", r2, "r2_se", r2se),
                Map.of("repeats", (double) repeats, "energy_j_sd", repeats > 1 ? sd : Double.NaN), null, p);
    }

    @Test
    void aSavingInsideTheNoiseIsNotClaimed() {
        // 10% cheaper, but each run scatters by 20%: not a saving (the old rule recommended 'cheap' here)
        List<Trial> t = List.of(trial("full", 10, 2, 2, 0.98, 1e-4), trial("cheap", 9, 1.8, 2, 0.975, 1e-4));
        Balance b = Balance.of(t, 0.01);
        assertThat(b.recommended()).isZero();
        assertThat(b.energyNoiseRel()).isEqualTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(b.reason()).startsWith("no significant difference: keep the simplest, full").contains("±20.0% per run")
                .contains("0.9800 ± 0.0001").contains("10.00 ± 1.41 J");
    }

    @Test
    void aSavingBeyondTheNoiseIsARealTradeOff() {
        List<Trial> t = List.of(trial("full", 10, 0.1, 3, 0.98, 1e-4), trial("cheap", 6, 0.06, 3, 0.975, 1e-4),
                trial("worse", 5, 0.05, 3, 0.90, 1e-4));
        Balance b = Balance.of(t, 0.01);
        assertThat(b.recommended()).isEqualTo(1);
        assertThat(b.reason()).startsWith("cheap gives up 0.0050 r2 (0.9750 ± 0.0001 against 0.9800 ± 0.0001 for full) for 40% less energy")
                .contains("±1.0% per run, 3 runs each");
        // a tolerance too tight for the loss keeps the best; the default (0) asks for the same quality
        assertThat(Balance.of(t, 0.001).recommended()).isZero();
        assertThat(Balance.of(t, Balance.DEFAULT_TOLERANCE).recommended()).isZero();
        assertThat(Balance.of(t, Balance.DEFAULT_TOLERANCE).reason()).contains("no configuration of its quality uses less energy");
    }

    @Test
    void qualitiesInsideTheTestSetErrorAreATieWonByTheSimplest() {
        // 'k2' is better by 1e-5 with a standard error of 1e-4: a tie, so the simplest (listed first) is the reference,
        // whichever of the two happened to use less energy in this run
        for (double cheaper : new double[] {8.8, 9.8}) {
            List<Trial> t = List.of(trial("fp32", 9.3, 0.5, 2, 0.98640, 1e-4), trial("k2", cheaper, 0.5, 2, 0.98641, 1e-4));
            Balance b = Balance.of(t, 0.01);
            assertThat(b.recommended()).isZero();
            assertThat(b.reason()).startsWith("no significant difference: keep the simplest, fp32");
        }
        List<Trial> t = List.of(trial("fp32", 8.8, 0.5, 2, 0.98640, 1e-4), trial("k2", 9.3, 0.5, 2, 0.98641, 1e-4));
        // 0.5 J more for k2 is inside the noise (±0.55 J per run): a tie, so neither dominates the other
        assertThat(Balance.of(t, 0.01).pareto()).containsExactly(true, true);
        // well beyond it, k2 is dominated: tied quality for more energy
        List<Trial> far = List.of(trial("fp32", 8.8, 0.1, 3, 0.98640, 1e-4), trial("k2", 12, 0.1, 3, 0.98641, 1e-4));
        assertThat(Balance.of(far, 0.01).pareto()).containsExactly(true, false);
    }

    static Trial emulated(String name, double joules, double sd, int repeats, double r2) {
        Trial t = trial(name, joules, sd, repeats, r2, 1e-4);
        return new Trial(name, Map.of("emulated", "true"), 1, 0, t.quality(), t.figures(), null,
                new Point(name, Map.of("emulated", "true"), joules, 1, 0, "USD", 0, 0, r2, "r2", true));
    }

    @Test
    void anEmulatedConfigurationIsNeverRecommendedForEnergy() {
        // fp16 is 60% cheaper beyond any noise at the same quality, but its arithmetic is emulated here
        List<Trial> t = List.of(trial("quality", 10, 0.1, 3, 0.98, 1e-4), emulated("precision-fp16", 4, 0.04, 3, 0.98));
        Balance b = Balance.of(t, 0.01);
        assertThat(b.recommended()).isZero();
        assertThat(b.reason()).startsWith("no significant difference: keep the simplest, quality")
                .endsWith("emulated on this CPU, never recommended for energy: precision-fp16");
        // nor is it the reference when it is the best quality: the simplest native configuration is
        List<Trial> u = List.of(trial("quality", 10, 0.1, 3, 0.98, 1e-4), emulated("precision-bf16", 12, 0.1, 3, 0.99));
        assertThat(Balance.of(u, 0.01).recommended()).isZero();
    }

    @Property
    void theRecommendationDoesNotFollowNoise(@ForAll @DoubleRange(min = 0.8, max = 1.2) double a, @ForAll @DoubleRange(min = 0.8, max = 1.2) double b,
                                             @ForAll @DoubleRange(min = 0.8, max = 1.2) double c) {
        // the demo's shape: the same configuration three ways (k1 = quality) and one more thread; energies scatter by
        // up to 20% around 5 J with a measured noise of 20% per run: the recommendation stays the simplest
        List<Trial> t = List.of(trial("quality", 5 * a, 1, 2, 0.9864, 1e-4), trial("parallel-k1", 5 * b, 1, 2, 0.9864, 1e-4),
                trial("parallel-k2", 5 * c, 1, 2, 0.9864, 1e-4), emulated("precision-fp16", 3, 0.6, 2, 0.9864));
        Balance r = Balance.of(t, 0.01);
        assertThat(r.recommended()).isZero();
        assertThat(r.reason()).startsWith("no significant difference: keep the simplest, quality");
    }

    @Test
    void withoutRepeatsNoSavingIsClaimed() {
        List<Trial> t = List.of(trial("full", 10, 0, 1, 0.98, 1e-4), trial("cheap", 2, 0, 1, 0.975, 1e-4));
        Balance b = Balance.of(t, 0.01);
        assertThat(b.recommended()).isZero();
        assertThat(b.energyNoiseRel()).isNaN();
        assertThat(b.reason()).contains("unknown: each run was measured once");
    }
}
