package dev.wattiq.planner.published;

import dev.wattiq.meter.io.Csv;
import dev.wattiq.planner.data.Defaults;
import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.hardware.Precision;
import dev.wattiq.planner.infer.ServingRun;
import dev.wattiq.planner.model.ModelCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServingRunsTest {
    private static final String HEADER = "model,params_billion,active_params_billion,hardware,num_devices,setting,metric,value,unit,notes\n";

    private static ServingRuns parse(String rows) {
        return ServingRuns.parse("inference.csv", Csv.parse("inference.csv", HEADER + rows).rows(), HardwareCatalog.shipped(),
                ModelCatalog.shipped(), Defaults.shipped());
    }

    @Test
    void aModelMissingFromTheCatalogueIsPlannedFromItsParameterColumns() {
        ServingRuns r = parse("""
                Acme/Unknown-8B,8.0,8.0,NVIDIA H100,1,task=chat; vLLM; bfloat16; max_num_seqs=64 (avg batch 63.5); TP=1 EP=1,GPU energy per output token,0.2,J/token,avg_output_len=500 tok; avg_power=500 W total; throughput=2500 tok/s; arch=Dense Transformer
                Acme/Unknown-MoE-30B-A3B,30,3,NVIDIA B200,1,task=chat; vLLM; fp8; max_num_seqs=8 (avg batch 8.0),GPU energy per output token,0.5,J/token,avg_output_len=400 tok; arch=MoE
                Acme/Hybrid-9B,9,9,NVIDIA H100,1,task=chat; max_num_seqs=8 (avg batch 8.0),GPU energy per output token,0.6,J/token,avg_output_len=400 tok; arch=Mamba-Transformer Hybrid
                """);
        assertThat(r.problems()).isEmpty();
        assertThat(r.runs()).hasSize(3);
        ServingRun dense = r.runs().get(0);
        assertThat(dense.model().isGeneric()).isTrue();
        assertThat(dense.batch()).isEqualTo(63.5);
        assertThat(dense.publishedTokensPerSecond()).isEqualTo(2500);
        assertThat(dense.publishedWatts()).isEqualTo(500);
        ServingRun moe = r.runs().get(1);
        assertThat(moe.model().isMoe()).isTrue();
        assertThat(moe.precision()).isEqualTo(Precision.FP8);
        ServingRun hybrid = r.runs().get(2);
        assertThat(hybrid.model().attentionLayers()).isLessThan(hybrid.model().layers() / 5);
    }

    @Test
    void everyRowIsCountedAndEachUnscoredOneNamesItsLineAndField() {
        ServingRuns r = parse("""
                Acme/Nameless,,,NVIDIA H100,1,max_num_seqs=8,GPU energy per output token,0.2,J/token,avg_output_len=100 tok
                Acme/Whole,8,8,NVIDIA H100,1,,energy per 1000 inferences,2,kWh,
                Acme/Broken,8,8,NVIDIA H100,1,max_num_seqs=8,GPU energy per output token,n/a,J/token,
                Acme/Elsewhere,8,8,NVIDIA Z9,1,max_num_seqs=8,GPU energy per output token,0.2,J/token,
                Acme/Plain,8,8,NVIDIA H100,1,,GPU energy per output token,0.2,J/token,
                """);
        assertThat(r.rows()).isEqualTo(5);
        assertThat(r.runs().size() + r.problems().size()).isEqualTo(5);
        assertThat(r.problems()).extracting(Problem::line, Problem::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "params_billion"), org.assertj.core.groups.Tuple.tuple(3, "unit"),
                org.assertj.core.groups.Tuple.tuple(4, "value"), org.assertj.core.groups.Tuple.tuple(5, "hardware"));
        // no batch or output length given: scored at the defaults, and said so
        assertThat(r.runs()).singleElement().satisfies(run -> assertThat(run.defaulted()).contains("batch 64")
                .contains("output 300 tokens"));
    }
}
