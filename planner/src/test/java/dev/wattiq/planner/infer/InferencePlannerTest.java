package dev.wattiq.planner.infer;

import dev.wattiq.planner.DoesNotFitException;
import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.hardware.Precision;
import dev.wattiq.planner.model.ModelArchitecture;
import dev.wattiq.planner.model.ModelCatalog;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class InferencePlannerTest {
    private final InferencePlanner planner = InferencePlanner.shipped();
    private final Hardware h100 = HardwareCatalog.shipped().find("H100-SXM");
    private final ModelArchitecture llama70 = ModelCatalog.shipped().find("llama-3-70b");

    private InferenceEstimate at(ModelArchitecture m, int devices, int batch, Precision p, Double rpd) {
        return planner.estimate(new InferenceRequest(m, h100, devices, batch, p, 500.0, 300.0, rpd, null, null, 0.0, true));
    }

    @Test
    void smallBatchesAreMemoryBoundAndLargeOnesComputeBound() {
        assertThat(at(llama70, 4, 1, Precision.BF16, 0.0).decodeBound()).isEqualTo("memory");
        // many short sequences: the KV cache is small next to the weights, so the matrices bound the step
        ModelArchitecture small = ModelCatalog.shipped().find("llama-3-8b");
        assertThat(planner.estimate(new InferenceRequest(small, h100, 2, 512, Precision.BF16, 50.0, 10.0, 0.0, null, null,
                0.0, true)).decodeBound()).isEqualTo("compute");
    }

    @Test
    void batchingCutsEnergyPerToken() {
        double b1 = at(llama70, 4, 1, Precision.BF16, 0.0).energyPerTokenJoules();
        double b64 = at(llama70, 4, 64, Precision.BF16, 0.0).energyPerTokenJoules();
        assertThat(b64).isLessThan(b1 / 10);
    }

    @Test
    void quantisedWeightsCutSmallBatchEnergyAndFitOnFewerDevices() {
        assertThat(at(llama70, 2, 1, Precision.FP8, 0.0).energyPerTokenJoules())
                .isLessThan(at(llama70, 2, 1, Precision.BF16, 0.0).energyPerTokenJoules() * 0.8);
        InferenceEstimate auto = planner.estimate(new InferenceRequest(llama70, h100, null, 8, Precision.INT4, null, null,
                null, null, null, null, true));
        assertThat(auto.devices()).isEqualTo(1);
    }

    @Test
    void aModelThatDoesNotFitSaysHowManyDevicesItNeeds() {
        assertThatThrownBy(() -> at(llama70, 1, 8, Precision.BF16, 0.0)).isInstanceOf(DoesNotFitException.class)
                .hasMessageContaining("use devices 2 or more");
        InferenceEstimate auto = planner.estimate(new InferenceRequest(llama70, h100, null, 8, Precision.BF16, null, null,
                null, null, null, null, true));
        assertThat(auto.devices()).isEqualTo(2);
    }

    @Test
    void fleetIsSizedForTheDemandAndAYearAddsBusyAndIdleEnergy() {
        InferenceEstimate e = at(llama70, 4, 64, Precision.BF16, 1e6);
        double demand = 1e6 * 300 / 86400.0;
        assertThat(e.replicas()).isEqualTo((int) Math.ceil(demand / (0.7 * e.tokensPerSecond())));
        assertThat(e.utilisation()).isLessThanOrEqualTo(0.7);
        assertThat(e.utilisation()).isBetween(0.0, 1.0);
        double busy = 1e6 * 365 * e.energyPerRequestJoules();
        assertThat(e.annualItEnergyJoules()).isGreaterThanOrEqualTo(busy);
        assertThat(e.annualItEnergyJoules()).isCloseTo(busy + e.replicas() * 4 * h100.idleWatts() * (1 - e.utilisation())
                * 365 * 86400, within(1e-6 * e.annualItEnergyJoules()));
        assertThat(at(llama70, 4, 64, Precision.BF16, 0.0).annualItEnergyJoules()).isZero();
    }

    @Test
    void moeDecodeAtBatchOneReadsOnlyTheRoutedExperts() {
        ModelArchitecture mixtral = ModelCatalog.shipped().find("mixtral-8x7b");
        ModelArchitecture denseTwin = new ModelArchitecture("dense", mixtral.params(), mixtral.params(), mixtral.layers(), mixtral.hidden(),
                mixtral.attentionLayers(), mixtral.kvElementsPerTokenLayer(), 0, 0, Double.NaN, "test");
        assertThat(at(mixtral, 2, 1, Precision.BF16, 0.0).decodeStepSeconds())
                .isLessThan(at(denseTwin, 2, 1, Precision.BF16, 0.0).decodeStepSeconds());
    }

    @Test
    void anAbsurdDemandIsAOneLineErrorNotANegativeFleet() {
        ModelArchitecture m = ModelCatalog.shipped().find("llama-2-70b");
        Hardware a100 = HardwareCatalog.shipped().find("A100-80GB");
        InferenceRequest r = new InferenceRequest(m, a100, null, null, Precision.BF16, null, null, 1e15, null, null, null, true);
        assertThatThrownBy(() -> planner.estimate(r)).isInstanceOf(PlannerException.class)
                .hasMessageStartingWith("the replicas for the demand would be ")
                .hasMessageContaining(", beyond the 2147483647 a plan can count")
                .hasMessageContaining("check requests_per_day").hasMessageNotContaining("\n");
        // within an int of replicas, but not of devices
        InferenceRequest r2 = new InferenceRequest(m, a100, 1 << 20, null, Precision.BF16, null, null, 1e13, null, null, null, true);
        assertThatThrownBy(() -> planner.estimate(r2)).isInstanceOf(PlannerException.class).hasMessageContaining("the fleet (");
        InferenceRequest r3 = new InferenceRequest(m, a100, null, 1 << 30, Precision.BF16, 1e15, null, 1.0, null, null, null, true);
        assertThatThrownBy(() -> planner.estimate(r3)).isInstanceOf(PlannerException.class)
                .hasMessageContaining("the devices holding weights and KV cache would be").hasMessageContaining("check batch");
        InferenceEstimate big = planner.estimate(new InferenceRequest(m, a100, null, null, Precision.BF16, null, null, 1e12,
                null, null, null, true));
        assertThat(big.replicas()).isEqualTo((int) Math.ceil(1e12 * 300 / 86_400 / (big.tokensPerSecond() * 0.70)));
    }

    @Test
    void badValuesAreRejected() {
        assertThatThrownBy(() -> planner.estimate(new InferenceRequest(llama70, h100, 4, 8, Precision.BF16, -1.0, 300.0,
                null, null, null, null, true))).isInstanceOf(PlannerException.class).hasMessageContaining("input_tokens must be >= 0");
        assertThatThrownBy(() -> planner.estimate(new InferenceRequest(llama70, h100, 4, 0, Precision.BF16, null, null,
                null, null, null, null, true))).hasMessageContaining("batch must be a positive number");
        assertThatThrownBy(() -> planner.estimate(new InferenceRequest(llama70, h100, 4, 8, Precision.BF16, null, 0.0,
                null, null, null, null, true))).hasMessageContaining("output_tokens must be");
    }

    @Property(tries = 60)
    void energyPerTokenFallsAsBatchGrowsForDenseModels(@ForAll @IntRange(min = 1, max = 9) int log2Batch) {
        int b = 1 << log2Batch;
        double smaller = at(llama70, 4, b / 2, Precision.BF16, 0.0).energyPerTokenJoules();
        double larger = at(llama70, 4, b, Precision.BF16, 0.0).energyPerTokenJoules();
        assertThat(larger).isLessThan(smaller);
    }
}
