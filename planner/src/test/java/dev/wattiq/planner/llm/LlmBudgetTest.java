package dev.wattiq.planner.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.wattiq.ledger.Site;
import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.hardware.Precision;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Budgets in kWh, money and CO2e convert through the planner's training model and the ledger's bill. */
class LlmBudgetTest {
    private final Site site = Site.builder().region("FR").pue(1.2, "test").price(0.1, "test").currency("EUR", "test")
            .gridIntensity(50, "test").build();
    private final LlmBudget budget = new LlmBudget(HardwareCatalog.shipped().find("H100"), site, LlmSizer.Rule.CHINCHILLA,
            null, Precision.BF16, Instant.parse("2025-01-01T00:00:00Z"));

    @Test
    void flopBudgetIsSpentExactly() {
        LlmBudget.Plan p = budget.plan(LlmBudget.Kind.FLOPS, 1e22);
        assertThat(p.allocation().trainFlops()).isEqualTo(1e22);
        assertThat(p.training().flops()).isCloseTo(1e22, within(1e12));
        assertThat(p.bill().facilityEnergyJoules()).isCloseTo(p.training().itEnergyJoules() * 1.2, within(1.0));
    }

    @Test
    void energyMoneyAndCarbonBudgetsLandJustInside() {
        LlmBudget.Plan ref = budget.plan(LlmBudget.Kind.FLOPS, 1e22);
        double kwh = ref.bill().facilityEnergyKwh();
        LlmBudget.Plan byKwh = budget.plan(LlmBudget.Kind.KWH, kwh);
        assertThat(byKwh.bill().facilityEnergyKwh()).isLessThanOrEqualTo(kwh).isCloseTo(kwh, within(kwh * 1e-6));
        assertThat(byKwh.allocation().trainFlops()).isCloseTo(1e22, within(1e22 * 1e-5));
        LlmBudget.Plan byCost = budget.plan(LlmBudget.Kind.COST, kwh * 0.1);
        assertThat(byCost.allocation().trainFlops()).isCloseTo(1e22, within(1e22 * 1e-5));
        LlmBudget.Plan byCo2 = budget.plan(LlmBudget.Kind.CO2E_KG, kwh * 0.05);
        assertThat(byCo2.allocation().trainFlops()).isCloseTo(1e22, within(1e22 * 1e-5));
        // A bigger budget buys a bigger model.
        assertThat(budget.plan(LlmBudget.Kind.KWH, kwh * 10).allocation().params()).isGreaterThan(ref.allocation().params());
    }

    @Test
    void aKwhBudgetBuysTheLargestModelWithinItAcrossTheStepsOfThePlannersDeviceChoice() {
        // The planner picks more devices as the run grows; each step changes utilisation, so the bill jumps. The plan
        // must spend the budget, or stop only where a slightly larger model would cost more than the budget.
        int spent = 0;
        for (double kwh = 1e3; kwh <= 1e7; kwh *= 1.9) {
            LlmBudget.Plan p = budget.plan(LlmBudget.Kind.KWH, kwh);
            double used = p.bill().facilityEnergyKwh();
            assertThat(used).as("budget %.0f kWh", kwh).isLessThanOrEqualTo(kwh);
            if (Math.abs(used - kwh) <= kwh * 1e-6) {
                spent++;
            } else {
                double larger = budget.plan(p.allocation().trainFlops() * 1.0001).bill().facilityEnergyKwh();
                assertThat(larger).as("budget %.0f kWh left %.0f unspent: a larger model must exceed it", kwh, kwh - used)
                        .isGreaterThan(kwh);
            }
        }
        assertThat(spent).as("most budgets are spent to the kWh").isGreaterThanOrEqualTo(10);
    }

    @Test
    void budgetsOutOfReachAreExplained() {
        assertThatThrownBy(() -> budget.plan(LlmBudget.Kind.KWH, 1e-15)).isInstanceOf(PlannerException.class)
                .hasMessageContaining("does not buy even");
        assertThatThrownBy(() -> budget.plan(LlmBudget.Kind.COST, -3)).hasMessageContaining("budget");
        assertThatThrownBy(() -> new LlmBudget(HardwareCatalog.shipped().find("H100"), site, LlmSizer.Rule.EPOCH, 0,
                Precision.BF16, Instant.EPOCH)).hasMessageContaining("devices must be >= 1");
    }
}
