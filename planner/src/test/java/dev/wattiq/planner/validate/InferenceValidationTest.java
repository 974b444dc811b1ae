package dev.wattiq.planner.validate;

import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.infer.InferencePlanner;
import dev.wattiq.planner.model.ModelCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InferenceValidationTest {
    @Test
    void jPerTokenAgainstMlEnergyHasMedianErrorWithinThirtyPercent() {
        List<Comparison> rows = InferenceValidation.run(InferenceValidation.shippedRows(), InferencePlanner.shipped(),
                HardwareCatalog.shipped(), ModelCatalog.shipped());
        List<Double> errors = rows.stream().filter(c -> !Double.isNaN(c.predicted())).map(c -> Math.abs(c.error())).toList();
        rows.forEach(c -> System.out.printf("%-70s %8.4f %8.4f %+6.1f%% %s%n", c.row(), c.predicted(), c.published(),
                100 * c.error(), Double.isNaN(c.predicted()) ? c.note() : ""));
        System.out.println("median abs error " + Numbers.median(errors) + " over " + errors.size());
        assertThat(errors.size()).isEqualTo(114);
        assertThat(Numbers.median(errors)).isLessThanOrEqualTo(0.30);
    }
}
