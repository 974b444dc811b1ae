package dev.wattiq.app.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wattiq.lab.experiments.Trial;
import dev.wattiq.ledger.Point;
import java.util.List;
import java.util.Map;
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
        assertThat(b.reason()).contains("full has the best quality").contains("±20.0% per run").contains("0.9800 ± 0.0001")
                .contains("10.00 ± 1.41 J");
    }

    @Test
    void aSavingBeyondTheNoiseIsARealTradeOff() {
        List<Trial> t = List.of(trial("full", 10, 0.1, 3, 0.98, 1e-4), trial("cheap", 6, 0.06, 3, 0.975, 1e-4),
                trial("worse", 5, 0.05, 3, 0.90, 1e-4));
        Balance b = Balance.of(t, 0.01);
        assertThat(b.recommended()).isEqualTo(1);
        assertThat(b.reason()).startsWith("cheap gives up 0.0050 r2 (0.9750 ± 0.0001 against 0.9800 ± 0.0001 for full) for 40% less energy")
                .contains("±1.0% per run, 3 runs each");
        // a tolerance too tight for the loss keeps the best
        assertThat(Balance.of(t, 0.001).recommended()).isZero();
    }

    @Test
    void qualitiesInsideTheTestSetErrorAreATieWonByLessEnergy() {
        // 'fp16' is better by 1e-5 with a standard error of 1e-4: a tie, so the cheaper 'fp32' is the reference
        List<Trial> t = List.of(trial("fp32", 8.8, 0.5, 2, 0.98640, 1e-4), trial("fp16", 9.3, 0.5, 2, 0.98641, 1e-4));
        Balance b = Balance.of(t, 0.01);
        assertThat(b.recommended()).isZero();
        assertThat(b.pareto()).containsExactly(true, false); // fp16 is dominated: tied quality for more energy
        assertThat(b.reason()).startsWith("fp32 has the best quality").contains("tied within the test-set error with fp16").contains("no frontier point");
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
