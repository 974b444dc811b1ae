package dev.wattiq.planner.validate;

import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.train.TrainingPlanner;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingValidationTest {
    private final List<Comparison> rows = TrainingValidation.run(TrainingValidation.shippedRows(),
            TrainingPlanner.shipped(), HardwareCatalog.shipped());

    private List<Double> errors(String mode, String metric) {
        return rows.stream().filter(c -> c.mode().equals(mode) && c.metric().equals(metric) && !Double.isNaN(c.predicted()))
                .map(c -> Math.abs(c.error())).toList();
    }

    @Test
    void arithmeticFromPublishedDeviceHoursIsWithinTwoPercentOnEveryRow() {
        rows.forEach(c -> System.out.printf("%s %-12s %-45s %12.4g %12.4g %+6.1f%%  %s%n", c.mode(), c.metric(),
                c.row(), c.predicted(), c.published(), 100 * c.error(), c.note()));
        List<Double> energy = errors("a", "energy_mwh");
        List<Double> carbon = errors("a", "tco2e");
        assertThat(energy.size()).isGreaterThanOrEqualTo(10);
        assertThat(carbon.size()).isGreaterThanOrEqualTo(10);
        assertThat(energy).allMatch(e -> e <= 0.02);
        assertThat(carbon).allMatch(e -> e <= 0.02);
    }

    @Test
    void modelFromParamsTokensAndHardwareHasMedianErrorWithinTwentyFivePercent() {
        List<Double> hours = errors("b", "device_hours");
        List<Double> energy = errors("b", "energy_mwh");
        System.out.println("(b) median device-hours error " + Numbers.median(hours) + " over " + hours.size()
                + "; energy " + Numbers.median(energy) + " over " + energy.size());
        assertThat(hours.size()).isGreaterThanOrEqualTo(9);
        assertThat(energy.size()).isGreaterThanOrEqualTo(6);
        assertThat(Numbers.median(hours)).isLessThanOrEqualTo(0.25);
        assertThat(Numbers.median(energy)).isLessThanOrEqualTo(0.25);
    }
}
