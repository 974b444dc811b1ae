package dev.wattiq.planner.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.wattiq.meter.io.Csv;
import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.table.Table;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * The sizing rules against Hoffmann et al. 2022 Table 3 (rows copied verbatim from
 * shared/validation/reference_data.csv) and the algebra of the parametric optimum.
 */
class LlmSizerTest {
    private static final Pattern ROW = Pattern.compile("for ([0-9.]+)([MBT]) params");
    private static final Pattern FLOPS = Pattern.compile("FLOPs=([0-9.e+]+)");
    private static final Pattern TOKENS = Pattern.compile("tokens=([0-9.]+)([BT])");

    @Test
    void chinchillaRuleReproducesTable3WithinTenPercent() {
        List<Csv.Row> rows = Csv.resource(LlmSizerTest.class, "/dev/wattiq/planner/llm/chinchilla_table3.csv").rows();
        assertThat(rows).hasSize(9);
        for (Csv.Row r : rows) {
            Matcher m = ROW.matcher(r.text("item"));
            Matcher f = FLOPS.matcher(r.text("value"));
            Matcher t = TOKENS.matcher(r.text("value"));
            assertThat(m.find() && f.find() && t.find()).as(r.text("item")).isTrue();
            double params = Double.parseDouble(m.group(1)) * scale(m.group(2));
            double tokens = Double.parseDouble(t.group(1)) * scale(t.group(2));
            LlmSizer.Allocation a = LlmSizer.computeOptimal(Double.parseDouble(f.group(1)), LlmSizer.Rule.CHINCHILLA);
            assertThat(a.params() / params).as("params for " + r.text("item")).isCloseTo(1, within(0.10));
            assertThat(a.tokens() / tokens).as("tokens for " + r.text("item")).isCloseTo(1, within(0.10));
        }
    }

    private static double scale(String unit) {
        return switch (unit) {
            case "M" -> 1e6;
            case "B" -> 1e9;
            default -> 1e12;
        };
    }

    @Test
    void hoffmannConstantsPredictChinchillasLoss() {
        // Chinchilla: 70B params, 1.4T tokens; Hoffmann's fit gives about 1.94 nats (Hoffmann et al. Sec. D.2 / Fig. 4).
        assertThat(ScalingLaw.named("chinchilla").loss(70e9, 1.4e12)).isCloseTo(1.94, within(0.02));
        assertThat(ScalingLaw.named("epoch").e()).isEqualTo(1.8172);
    }

    @Property(tries = 100)
    void parametricOptimumBeatsItsNeighboursOnTheIsoFlopLine(@ForAll @DoubleRange(min = 18, max = 27) double log10c) {
        double c = Math.pow(10, log10c);
        for (LlmSizer.Rule rule : new LlmSizer.Rule[] {LlmSizer.Rule.PARAMETRIC, LlmSizer.Rule.EPOCH}) {
            LlmSizer.Allocation a = LlmSizer.computeOptimal(c, rule);
            assertThat(a.trainFlops()).isCloseTo(6 * a.params() * a.tokens(), within(c * 1e-9));
            ScalingLaw law = rule.law();
            for (double k : new double[] {0.8, 0.95, 1.05, 1.25}) {
                double n = a.params() * k;
                assertThat(law.loss(n, ScalingLaw.tokensFor(c, n))).isGreaterThanOrEqualTo(a.predictedLoss());
            }
        }
    }

    @Test
    void epochRefitAllocatesAboutTwentyTokensPerParameter() {
        // Besiroglu et al.: their refit is consistent with the ~20 tokens/param of Approaches 1 and 2.
        double ratio = LlmSizer.computeOptimal(5.76e23, LlmSizer.Rule.EPOCH).tokensPerParam();
        assertThat(ratio).isBetween(15.0, 35.0);
    }

    @Test
    void inferenceDemandMakesTheModelSmallerAndLongerTrainedAtTheSameLoss() {
        LlmSizer.Allocation base = LlmSizer.computeOptimal(1e23, LlmSizer.Rule.PARAMETRIC);
        LlmSizer.Allocation none = LlmSizer.inferenceAware(base, 0, LlmSizer.Rule.PARAMETRIC);
        assertThat(none.params() / base.params()).isCloseTo(1, within(0.01));
        LlmSizer.Allocation served = LlmSizer.inferenceAware(base, 2e13, LlmSizer.Rule.PARAMETRIC);
        assertThat(served.predictedLoss()).isCloseTo(base.predictedLoss(), within(1e-9));
        assertThat(served.params()).isLessThan(base.params() * 0.8);
        assertThat(served.tokens()).isGreaterThan(base.tokens() * 1.5);
        assertThat(served.lifetimeFlops(2e13)).isLessThan(base.lifetimeFlops(2e13));
        // More demand, smaller still (Sardana et al. Fig. 1).
        assertThat(LlmSizer.inferenceAware(base, 2e14, LlmSizer.Rule.PARAMETRIC).params()).isLessThan(served.params());
    }

    @Test
    void badArgumentsAreRefusedWithTheFix() {
        assertThatThrownBy(() -> LlmSizer.computeOptimal(0, LlmSizer.Rule.PARAMETRIC))
                .isInstanceOf(PlannerException.class).hasMessageContaining("budget_flops must be a positive number");
        assertThatThrownBy(() -> LlmSizer.Rule.parse("kaplan")).hasMessageContaining("chinchilla, parametric or epoch");
        assertThatThrownBy(() -> ScalingLaw.named("chinchilla").minParamsFor(1.5)).hasMessageContaining("irreducible");
        assertThatThrownBy(() -> LlmSizer.inferenceAware(LlmSizer.computeOptimal(1e20, LlmSizer.Rule.EPOCH), -1,
                LlmSizer.Rule.EPOCH)).hasMessageContaining("inference_tokens must be >= 0");
    }
}
