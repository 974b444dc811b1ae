package dev.wattiq.planner.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.wattiq.planner.DoesNotFitException;
import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.hardware.Precision;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TrainingPlannerTest {
    private final TrainingPlanner planner = TrainingPlanner.shipped();
    private final Hardware h100 = HardwareCatalog.shipped().find("H100-SXM");

    private TrainingRequest req(Integer devices, Double mfu, Double hours, Double power, Double host) {
        return new TrainingRequest(70e9, null, 15e12, h100, devices, hours, power, host, mfu, 1, 1, Precision.BF16, false, null);
    }

    @Test
    void timeEnergyAndDeviceHoursFollowTheFormulaByHand() {
        TrainingEstimate e = planner.estimate(req(2048, 0.4, null, null, 0.0));
        double flops = 6 * 70e9 * 15e12;
        double seconds = flops / (2048 * 989.4e12 * 0.4);
        double power = 70 + (700 - 70) * 0.4 / 0.5;
        assertThat(e.flops()).isEqualTo(flops);
        assertThat(e.durationSeconds()).isCloseTo(seconds, within(1e-6 * seconds));
        assertThat(e.deviceHours()).isCloseTo(2048 * seconds / 3600, within(1e-3));
        assertThat(e.devicePowerWatts()).isCloseTo(power, within(1e-9));
        assertThat(e.itEnergyJoules()).isCloseTo(2048 * power * seconds, within(1e-6 * 2048 * power * seconds));
        assertThat(e.nodes()).isEqualTo(256);
    }

    @Test
    void publishedDeviceHoursAndPowerReplaceTheModels() {
        TrainingEstimate e = planner.estimate(req(1000, null, 1e7, 400.0, 0.0));
        assertThat(e.deviceHours()).isEqualTo(1e7);
        assertThat(e.durationSeconds()).isEqualTo(3600.0 * 1e4);
        assertThat(e.itEnergyJoules()).isEqualTo(1e7 * 3600 * 400);
        assertThat(e.utilisation()).isCloseTo(6.3e24 / (1e7 * 3600 * 989.4e12), within(1e-12));
        assertThat(e.assumptions()).anyMatch(a -> a.name().equals("device_hours") && a.provenance().isUser());
    }

    @Test
    void hostOverheadAddsAFractionOfDevicePower() {
        double devicesOnly = planner.estimate(req(2048, 0.4, null, null, 0.0)).itEnergyJoules();
        double withHost = planner.estimate(req(2048, 0.4, null, null, 0.25)).itEnergyJoules();
        assertThat(withHost / devicesOnly).isCloseTo(1.25, within(1e-12));
        assertThat(planner.estimate(req(2048, 0.4, null, null, null)).assumptions())
                .anyMatch(a -> a.name().equals("host.overhead_fraction") && !a.provenance().isUser());
    }

    @Test
    void recomputationCostsAnExtraForwardPass() {
        TrainingRequest base = req(2048, 0.4, null, null, 0.0);
        TrainingRequest re = new TrainingRequest(70e9, null, 15e12, h100, 2048, null, null, 0.0, 0.4, 1, 1, Precision.BF16, true, null);
        assertThat(planner.estimate(re).durationSeconds() / planner.estimate(base).durationSeconds()).isCloseTo(8.0 / 6, within(1e-12));
    }

    @Test
    void moeUsesActiveParameters() {
        TrainingRequest moe = new TrainingRequest(671e9, 37e9, 14.8e12, h100, 2048, null, null, 0.0, 0.4, 1, 1, Precision.BF16, false, null);
        assertThat(planner.estimate(moe).flops()).isEqualTo(6 * 37e9 * 14.8e12);
    }

    @Test
    void pipelineBubbleAndCrossNodeTensorParallelLowerUtilisation() {
        assertThat(planner.pipelineBubble(1)).isZero();
        assertThat(planner.pipelineBubble(4)).isCloseTo(3.0 / (32 + 3), within(1e-12));
        double plain = planner.utilisation(h100, 2048, 1, 1);
        assertThat(planner.utilisation(h100, 2048, 8, 4)).isCloseTo(plain * (1 - 3.0 / 35), within(1e-12));
        assertThat(planner.utilisation(h100, 2048, 16, 1)).isCloseTo(plain * 0.75, within(1e-12));
    }

    @Test
    void scalingOutLowersUtilisationAndPerNodePowerButShortensTime() {
        List<TrainingEstimate> rows = planner.scaling(req(2048, null, null, null, null), TrainingPlanner.doublings(2048));
        assertThat(rows).hasSize(7);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).utilisation()).isLessThanOrEqualTo(rows.get(i - 1).utilisation());
            assertThat(rows.get(i).nodePowerWatts()).isLessThanOrEqualTo(rows.get(i - 1).nodePowerWatts());
            assertThat(rows.get(i).durationSeconds()).isLessThan(rows.get(i - 1).durationSeconds());
            assertThat(rows.get(i).deviceHours()).isGreaterThanOrEqualTo(rows.get(i - 1).deviceHours());
        }
    }

    @Test
    void aModelThatDoesNotFitSaysHowManyDevicesItNeeds() {
        // 70B x 16 B = 1,120 GB; 72 GB usable per H100 -> 16 devices.
        assertThatThrownBy(() -> planner.estimate(req(8, null, null, null, null))).isInstanceOf(DoesNotFitException.class)
                .hasMessageContaining("use --devices 16 or more")
                .satisfies(e -> assertThat(((DoesNotFitException) e).devicesNeeded()).isEqualTo(16));
        TrainingEstimate auto = planner.estimate(req(null, null, null, null, null));
        assertThat(auto.devices()).isEqualTo(16);
    }

    @Test
    void badValuesAreOneLineErrorsWithTheFix() {
        assertThatThrownBy(() -> planner.estimate(req(2048, 1.5, null, null, null))).isInstanceOf(PlannerException.class)
                .hasMessageContaining("--mfu must be a fraction in (0, 1]").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> planner.estimate(req(2048, 0.0, null, null, null))).hasMessageContaining("--mfu");
        assertThatThrownBy(() -> planner.estimate(req(2048, null, null, null, -0.1))).hasMessageContaining("--host-overhead must be >= 0");
        assertThatThrownBy(() -> planner.estimate(req(2048, null, -5.0, null, null))).hasMessageContaining("--device-hours must be a positive");
        assertThatThrownBy(() -> planner.estimate(req(2048, null, 1000.0, null, null))).hasMessageContaining("implies a utilisation of");
        assertThatThrownBy(() -> planner.estimate(new TrainingRequest(0, null, 1e12, h100, 8, null, null, null, null, 1, 1,
                Precision.BF16, false, null))).hasMessageContaining("--params must be a positive number");
        assertThatThrownBy(() -> planner.estimate(new TrainingRequest(7e9, 8e9, 1e12, h100, 8, null, null, null, null, 1, 1,
                Precision.BF16, false, null))).hasMessageContaining("exceeds --params");
        assertThatThrownBy(() -> planner.estimate(new TrainingRequest(7e9, null, 1e12, h100, 12, null, null, null, null, 8, 1,
                Precision.BF16, false, null))).hasMessageContaining("not a multiple of tp x pp");
    }

    @Property(tries = 200)
    void evaluateAgreesWithEstimateAndEnergyIsPowerTimesTime(@ForAll @DoubleRange(min = 1e8, max = 1e12) double params,
                                                             @ForAll @DoubleRange(min = 1e9, max = 1e14) double tokens,
                                                             @ForAll @IntRange(min = 1, max = 15) int log2Devices,
                                                             @ForAll @DoubleRange(min = 0, max = 1) double host) {
        int devices = 1 << log2Devices;
        if (devices < planner.minDevices(h100, params)) return;
        TrainingEstimate e = planner.estimate(new TrainingRequest(params, null, tokens, h100, devices, null, null, host,
                null, 1, 1, Precision.BF16, false, null));
        TrainingResult r = new TrainingResult();
        planner.evaluate(h100, params, tokens, devices, 1, 1, Precision.BF16, false, Double.NaN, host, r);
        assertThat(r.itEnergyJoules).isCloseTo(e.itEnergyJoules(), within(1e-9 * e.itEnergyJoules()));
        assertThat(e.itEnergyJoules()).isCloseTo(e.deviceHours() * 3600 * e.devicePowerWatts() * (1 + host),
                within(1e-9 * e.itEnergyJoules()));
        assertThat(e.utilisation()).isBetween(0.0, 1.0);
        assertThat(e.devicePowerWatts()).isBetween(h100.idleWatts(), h100.tdpWatts());
    }

    @Property(tries = 100)
    void doublingTokensDoublesTimeAndEnergy(@ForAll @DoubleRange(min = 1e9, max = 1e13) double tokens) {
        TrainingResult one = new TrainingResult();
        TrainingResult two = new TrainingResult();
        planner.evaluate(h100, 7e9, tokens, 256, 1, 1, Precision.BF16, false, Double.NaN, 0.2, one);
        planner.evaluate(h100, 7e9, 2 * tokens, 256, 1, 1, Precision.BF16, false, Double.NaN, 0.2, two);
        assertThat(two.durationSeconds / one.durationSeconds).isCloseTo(2, within(1e-12));
        assertThat(two.itEnergyJoules / one.itEnergyJoules).isCloseTo(2, within(1e-12));
    }

    @Test
    void countsBeyondAnIntAreOneLineErrorsNotWrappedNumbers() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> planner.estimate(TrainingRequest.of(1e22, 1e12, h100, null)))
                .isInstanceOf(PlannerException.class)
                .hasMessageStartingWith("the devices holding the training state would be ")
                .hasMessageContaining("beyond the 2147483647 a plan can count: check --params");
        assertThat(TrainingPlanner.doublings(Integer.MAX_VALUE)).containsExactly(536_870_911, 1_073_741_822, 2_147_483_644);
        assertThat(TrainingPlanner.doublings(8)).containsExactly(2, 4, 8, 16, 32, 64, 128);
    }
}
