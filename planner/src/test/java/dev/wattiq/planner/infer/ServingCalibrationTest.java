package dev.wattiq.planner.infer;

import dev.wattiq.planner.data.Defaults;
import dev.wattiq.planner.fit.EditedFit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The serving fit happens in code inside every fold: a held-out row never informs its own prediction. */
class ServingCalibrationTest {
    private static List<ServingRun> runs;
    private static ServingCalibration original;
    private static ServingCalibration changed;
    private static int row;

    @BeforeAll
    static void fitTwice() {
        runs = InferencePlanner.shippedRuns().runs();
        row = 0; // Qwen/Qwen3-14B on B200, the file's first row
        EditedFit<ServingCalibration> fits = EditedFit.of(runs, row, r -> new ServingRun(r.line(), r.name(), r.family(),
                r.model(), r.hardware(), r.devices(), r.batch(), r.precision(), r.tp(), r.ep(), r.input(), r.output(),
                r.published() * 4, r.label(), r.defaulted(), r.publishedTokensPerSecond() / 4, r.publishedWatts()),
                rows -> InferencePlanner.calibrate(Defaults.shipped(), rows));
        original = fits.original();
        changed = fits.changed();
    }

    @Test
    void aHeldOutRowsPublishedValueDoesNotChangeItsOwnPrediction() {
        assertThat(changed.outOfSample(row)).isEqualTo(original.outOfSample(row));
    }

    @Test
    void butItChangesTheFitOnEveryRow() {
        assertThat(changed.model().coefficients()).isNotEqualTo(original.model().coefficients());
    }

    @Test
    void theStoredFitOfTheBuildIsTheFitOfTheShippedData() {
        ServingFitSummary stored = InferencePlanner.shipped().fit();
        assertThat(stored.model().coefficients()).isEqualTo(original.model().coefficients());
        assertThat(stored.spread()).isEqualTo(original.summary().spread());
    }
}
