package dev.wattiq.planner.train;

import dev.wattiq.planner.data.Defaults;
import dev.wattiq.planner.fit.EditedFit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fit happens in code inside every fold: a held-out row's own published value never reaches its prediction. */
class TrainingCalibrationTest {
    private static List<TrainingRun> runs;
    private static TrainingCalibration original;
    private static TrainingCalibration changed;
    private static int gpt3;

    @BeforeAll
    static void fitTwice() {
        runs = TrainingPlanner.shippedRuns().runs();
        gpt3 = indexOf("GPT-3 175B");
        EditedFit<TrainingCalibration> fits = EditedFit.of(runs, gpt3, r -> new TrainingRun(r.line(), r.name(), r.family(),
                r.params(), r.active(), r.tokens(), r.hardware(), r.shape(), r.devices(), r.deviceHours() * 3, r.steady(),
                r.avgPowerWatts(), r.systemPower()), rows -> TrainingPlanner.calibrate(Defaults.shipped(), rows));
        original = fits.original();
        changed = fits.changed();
    }

    private static int indexOf(String name) {
        for (int i = 0; i < runs.size(); i++) if (runs.get(i).name().equals(name)) return i;
        throw new AssertionError(name + " is not among the shipped runs");
    }

    @Test
    void aHeldOutRowsPublishedValueDoesNotChangeItsOwnPrediction() {
        assertThat(changed.outOfSampleHours(gpt3)).isEqualTo(original.outOfSampleHours(gpt3));
    }

    @Test
    void butItChangesTheFitOnEveryRowAndTheFoldsThatSawIt() {
        assertThat(changed.model().coefficients()).isNotEqualTo(original.model().coefficients());
        int llama = indexOf("LLaMA-65B");
        assertThat(changed.outOfSampleHours(llama)).isNotEqualTo(original.outOfSampleHours(llama));
    }

    @Test
    void everyFamilyFoldIsItsOwnFit() {
        long differing = runs.stream().map(TrainingRun::family).distinct()
                .filter(f -> !original.modelWithout(f).coefficients().equals(original.model().coefficients())).count();
        assertThat(differing).isGreaterThan(runs.stream().map(TrainingRun::family).distinct().count() / 2);
    }

    @Test
    void theStoredFitOfTheBuildIsTheFitOfTheShippedData() {
        assertThat(dev.wattiq.planner.fit.StoredCalibration.shipped()).as("the build stores the fit (process-classes)").isPresent();
        TrainingFitSummary stored = TrainingPlanner.shipped().fit();
        TrainingFitSummary fresh = original.summary();
        assertThat(stored.model().coefficients()).isEqualTo(fresh.model().coefficients());
        assertThat(stored.hours()).isEqualTo(fresh.hours());
        assertThat(stored.energy()).isEqualTo(fresh.energy());
    }
}
