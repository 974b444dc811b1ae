package dev.wattiq.planner.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.wattiq.ledger.Site;
import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.hardware.Precision;
import dev.wattiq.planner.train.TrainingEstimate;
import dev.wattiq.planner.train.TrainingPlanner;
import dev.wattiq.planner.train.TrainingRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sweep agrees with the planner's validated estimate and the ledger's bill, row by row. */
class PlanSweepTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private final HardwareCatalog cat = HardwareCatalog.shipped();
    private final SiteRate fr = SiteRate.of("FR", Site.builder().region("FR").pue(1.1, "t").price(0.2, "t").currency("EUR", "t")
            .gridIntensity(50, "t").build(), T0);
    private final SiteRate pl = SiteRate.of("PL", Site.builder().region("PL").pue(1.5, "t").price(0.1, "t").currency("EUR", "t")
            .gridIntensity(700, "t").build(), T0);

    private KnobSpace space() {
        return new KnobSpace(List.of(cat.find("H100"), cat.find("A100")), new int[] {8, 64, 512}, List.of(Precision.BF16, Precision.FP8),
                new double[] {0.6, 1.0}, new double[] {0, 0.5}, List.of(fr, pl));
    }

    @Test
    void everyRowMatchesThePlannersEstimateAtFullPower() {
        PlanSweep.Result r = PlanSweep.run(7e9, 1.4e11, space(), ScalingLaw.named("chinchilla"));
        assertThat(r.table().rows() + r.skipped()).isEqualTo(space().size());
        int checked = 0;
        for (int i = 0; i < r.table().rows(); i++) {
            Map<String, String> c = r.config(i);
            if (!c.get("power_cap").equals("1.0")) continue;
            TrainingRequest req = new TrainingRequest(7e9, null, 1.4e11, cat.find(c.get("hardware")), Integer.parseInt(c.get("devices")),
                    null, null, null, null, 1, 1, Precision.parse(c.get("precision")), false, null);
            TrainingEstimate e = TrainingPlanner.shipped().estimate(req);
            SiteRate site = c.get("site").equals("FR") ? fr : pl;
            assertThat(r.table().column("duration_s")[i]).isCloseTo(e.durationSeconds(), within(e.durationSeconds() * 1e-9));
            assertThat(r.table().column("energy_j")[i]).isCloseTo(e.itEnergyJoules() * site.pue(), within(e.itEnergyJoules() * 1e-9));
            assertThat(r.table().column("cost")[i]).isCloseTo(e.itEnergyJoules() / 3.6e6 * site.costPerItKwh(), within(1e-6));
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
        assertThat(fr.pue()).isCloseTo(1.1, within(1e-12));
        assertThat(pl.costPerItKwh()).isCloseTo(0.15, within(1e-12));
    }

    @Test
    void powerCapsSaveEnergyAndCostTimeAndPruningCostsQuality() {
        PlanSweep.Result r = PlanSweep.run(7e9, 1.4e11, space(), ScalingLaw.named("chinchilla"));
        double[] t = r.table().column("duration_s");
        double[] e = r.table().column("energy_j");
        double[] q = r.table().column("quality");
        // Rows 0..7 of the first usable hardware/devices/precision block: cap 0.6 then 1.0, sparsity 0 then 0.5, FR then PL.
        assertThat(r.config(0)).containsEntry("power_cap", "0.6").containsEntry("sparsity", "0.0").containsEntry("site", "FR");
        assertThat(r.config(4)).containsEntry("power_cap", "1.0");
        assertThat(t[0]).isGreaterThan(t[4]);
        assertThat(e[0]).isLessThan(e[4]);
        assertThat(q[2]).isLessThan(q[0]);
    }

    @Test
    void emptyOrInconsistentKnobSpacesAreRefused() {
        assertThatThrownBy(() -> new KnobSpace(List.of(), new int[] {8}, List.of(Precision.BF16), new double[] {1}, new double[] {0}, List.of(fr)))
                .isInstanceOf(PlannerException.class).hasMessageContaining("'hardware' has no values");
        assertThatThrownBy(() -> new KnobSpace(List.of(cat.find("H100")), new int[] {0}, List.of(Precision.BF16), new double[] {1},
                new double[] {0}, List.of(fr))).hasMessageContaining("not >= 1");
        assertThatThrownBy(() -> new KnobSpace(List.of(cat.find("H100")), new int[] {8}, List.of(Precision.BF16), new double[] {1.5},
                new double[] {0}, List.of(fr))).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new KnobSpace(List.of(cat.find("H100")), new int[] {8, 8}, List.of(Precision.BF16), new double[] {1},
                new double[] {0}, List.of(fr))).hasMessageContaining("repeat");
        assertThatThrownBy(() -> new KnobSpace(List.of(cat.find("H100")), new int[] {8}, List.of(Precision.BF16), new double[] {1},
                new double[] {0.7}, List.of(fr))).hasMessageContaining("0.5");
        assertThatThrownBy(() -> QualityPenalties.shipped().sparsity(0.9, false)).hasMessageContaining("beyond");
        assertThat(QualityPenalties.shipped().precision(Precision.INT4)).isGreaterThan(1);
    }
}
