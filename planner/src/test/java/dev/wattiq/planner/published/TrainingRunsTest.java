package dev.wattiq.planner.published;

import dev.wattiq.meter.UserInputException;
import dev.wattiq.meter.io.Csv;
import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.model.ModelCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingRunsTest {
    private static final String HEADER = "model,params_billion,active_params_billion,tokens_billion,hardware,num_devices,"
            + "device_hours,device_tdp_w,avg_power_w,energy_mwh,energy_scope,pue,carbon_intensity_kgco2e_per_kwh,"
            + "tco2e_reported,family,hours_scope\n";

    private static TrainingRuns parse(String rows) {
        return TrainingRuns.parse("runs.csv", Csv.parse("runs.csv", HEADER + rows).rows(), HardwareCatalog.shipped(),
                ModelCatalog.shipped());
    }

    @Test
    void everyRowIsKeptAndEachUnusableOneSaysWhichFieldAndLine() {
        TrainingRuns r = parse("""
                Good 7B,7,,1000,A100-80GB,512,100000,400,,,,,,,good,run
                No tokens 7B,7,,,A100-80GB,512,100000,400,,,,,,,x,run
                Odd hardware 7B,7,,1000,H999,512,100000,400,,,,,,,y,run
                Bad number 7B,seven,,1000,A100-80GB,512,100000,400,,,,,,,z,run
                Too active,7,9,1000,A100-80GB,512,100000,400,,,,,,,w,run
                """);
        assertThat(r.rows()).hasSize(5);
        assertThat(r.runs()).hasSize(1);
        assertThat(r.rows().get(1).unusable().field()).isEqualTo("tokens_billion");
        assertThat(r.rows().get(1).unusable().line()).isEqualTo(3);
        assertThat(r.rows().get(2).unusable().field()).isEqualTo("hardware");
        assertThat(r.rows().get(2).unusable().reason()).contains("unknown hardware 'H999'");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.field()).isEqualTo("params_billion");
            assertThat(p.message()).startsWith("runs.csv:5: Bad number 7B: params_billion: holds 'seven', not a number");
        });
        assertThat(r.rows().get(4).unusable().field()).isEqualTo("active_params_billion");
    }

    @Test
    void publishedCellsAreReadAsWrittenAndFamiliesComeFromTheNameWithoutAColumn() {
        TrainingRuns r = TrainingRuns.parse("runs.csv", Csv.parse("runs.csv", """
                model,params_billion,tokens_billion,hardware,device_hours,device_tdp_w
                Llama 2 13B,13,2000,V100 (SXM2),"368,640",350-400 (card); 400 used per model
                """).rows(), HardwareCatalog.shipped(), ModelCatalog.shipped());
        assertThat(r.runs()).singleElement().satisfies(run -> {
            assertThat(run.deviceHours()).isEqualTo(368_640);
            assertThat(run.hardware().id()).isEqualTo("V100");
            assertThat(run.family()).isEqualTo("llama-2");
            assertThat(run.shape().id()).isEqualTo("llama-2-13b");
        });
        assertThat(r.rows().getFirst().power()).isEqualTo(400);
    }

    @Test
    void aMalformedFileIsAOneLineErrorWithItsLine() {
        assertThatThrownBy(() -> parse("Broken,7,,1000\n")).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("runs.csv:2:").hasMessageNotContaining("\n");
    }
}
