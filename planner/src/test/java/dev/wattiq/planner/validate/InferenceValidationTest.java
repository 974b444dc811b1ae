package dev.wattiq.planner.validate;

import dev.wattiq.meter.io.Csv;
import dev.wattiq.planner.data.Defaults;
import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.infer.InferencePlanner;
import dev.wattiq.planner.model.ModelCatalog;
import dev.wattiq.planner.published.ServingRuns;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InferenceValidationTest {
    @Test
    void everyShippedJouleRowIsScoredOutOfSampleAndTheRestListed() {
        ServingRuns runs = InferencePlanner.shippedRuns();
        Report r = InferenceValidation.run(runs, InferencePlanner.shipped());
        assertThat(r.comparisons()).hasSize(114);
        assertThat(r.comparisons().size() + r.problems().size()).isEqualTo(runs.rows());
        Summary s = r.summary("infer", "j_per_token");
        assertThat(s.outOfSample()).isBetween(0.0, 1.0);
        assertThat(s.inSample()).isLessThanOrEqualTo(s.outOfSample());
        assertThat(s.coverage()).isBetween(0.5, 1.0);
    }

    @Test
    void heldBackRowsOfUnknownModelsAreScoredNotSkipped() {
        String csv = """
                model,params_billion,active_params_billion,hardware,num_devices,setting,metric,value,unit,notes
                Acme/New-8B-Instruct,8.0,8.0,NVIDIA H100,1,task=chat; vLLM; bfloat16; max_num_seqs=64 (avg batch 63.0); TP=1 EP=1 DP=1,GPU energy per output token (steady state),0.15,J/token,avg_output_len=600 tok; arch=Dense Transformer
                Acme/New-MoE-100B-A10B,100,10,NVIDIA B200,4,task=chat; vLLM; fp8; max_num_seqs=256 (avg batch 250.0); TP=1 EP=4 DP=1,GPU energy per output token (steady state),0.3,J/token,avg_output_len=700 tok; arch=MoE
                """;
        ServingRuns file = ServingRuns.parse("heldback.csv", Csv.parse("heldback.csv", csv).rows(), HardwareCatalog.shipped(),
                ModelCatalog.shipped(), Defaults.shipped());
        Report r = InferenceValidation.run(file, InferencePlanner.shipped());
        assertThat(r.problems()).isEmpty();
        assertThat(r.comparisons()).hasSize(2).allSatisfy(c -> {
            assertThat(c.predicted()).isPositive();
            assertThat(c.note()).contains("generic shape").contains("held out of the fit");
            assertThat(c.p10()).isLessThan(c.predicted());
        });
        assertThat(r.method()).contains("2 rows never fitted");
    }
}
