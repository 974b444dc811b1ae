package dev.wattiq.planner.validate;

import dev.wattiq.meter.io.Csv;
import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.model.ModelCatalog;
import dev.wattiq.planner.published.Problem;
import dev.wattiq.planner.published.PublishedRun;
import dev.wattiq.planner.published.TrainingRuns;
import dev.wattiq.planner.train.TrainingFit;
import dev.wattiq.planner.train.TrainingPlanner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrainingValidationTest {
    private static TrainingRuns shipped;
    private static Report report;

    @BeforeAll
    static void validate() {
        shipped = TrainingPlanner.shippedRuns();
        report = TrainingValidation.run(shipped, TrainingPlanner.shipped());
    }

    @Test
    void everyRowIsEitherScoredOrListedWithItsReason() {
        Set<Integer> scored = report.comparisons().stream().filter(c -> c.mode().equals("b"))
                .map(Comparison::line).collect(Collectors.toSet());
        Set<Integer> listed = report.problems().stream().map(Problem::line).collect(Collectors.toSet());
        for (PublishedRun r : shipped.rows()) {
            assertThat(scored.contains(r.line()) || listed.contains(r.line())).as("line %d (%s)", r.line(), r.name()).isTrue();
        }
        assertThat(shipped.rows()).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void outOfSampleAndInSampleErrorsAndTheIntervalAreAllReported() {
        Summary s = report.summary("b", "device_hours");
        assertThat(s.rows()).isGreaterThanOrEqualTo(35);
        assertThat(s.outOfSample()).isBetween(0.0, 1.0);
        assertThat(s.inSample()).isBetween(0.0, 1.0);
        assertThat(s.coverage()).isBetween(0.0, 1.0);
        assertThat(s.medianWidth()).isPositive();
        assertThat(report.method()).contains("leave-one-family-out");
        for (Comparison c : report.comparisons()) {
            if (c.mode().equals("b")) assertThat(c.p10()).isLessThanOrEqualTo(c.predicted()).as(c.row());
        }
    }

    @Test
    void theArithmeticModeReproducesPublishedEnergiesWithinRounding() {
        Summary a = report.summary("a", "energy_mwh");
        assertThat(a.maxOutOfSample()).isLessThan(0.02);
    }

    @Test
    void aFileOfRunsTheFitNeverSawIsScoredByTheFitOnEveryShippedRun() {
        String csv = """
                model,params_billion,active_params_billion,tokens_billion,hardware,num_devices,device_hours,family
                Unseen-13B,13,,2000,H100-80GB,1024,300000,unseen
                Unseen-70B,70,,2000,NVIDIA H100,4096,1500000,unseen
                """;
        TrainingRuns file = TrainingRuns.parse("heldback.csv", Csv.parse("heldback.csv", csv).rows(),
                HardwareCatalog.shipped(), ModelCatalog.shipped());
        Report r = TrainingValidation.run(file, TrainingPlanner.shipped());
        assertThat(r.method()).contains("2 runs never fitted");
        Comparison c = r.comparisons().stream().filter(x -> x.metric().equals("device_hours")).findFirst().orElseThrow();
        double full = TrainingFit.predictHours(TrainingPlanner.shipped().calibration().model(), file.runs().getFirst());
        assertThat(c.predicted()).isCloseTo(full, within(1e-9 * full));
        assertThat(c.inSample()).isNotEqualTo(c.predicted()); // refitted with the file's rows included
        assertThat(c.p10()).isLessThan(c.predicted()).isPositive();
        assertThat(c.p90()).isGreaterThan(c.predicted());
    }
}
