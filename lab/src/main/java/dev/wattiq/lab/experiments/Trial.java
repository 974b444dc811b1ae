package dev.wattiq.lab.experiments;

import dev.wattiq.ledger.Point;
import dev.wattiq.meter.Measurement;
import java.util.Map;

/**
 * One measured training run: what it was, how long the loop took, how well the model learnt, what the meter saw
 * and the resulting {@link Point}.
 *
 * @param name         e.g. {@code precision-bf16}
 * @param config       the knobs, as in the Point
 * @param loopSeconds  wall time of the training loop alone (data generation included, set-up and evaluation not)
 * @param finalLoss    training loss of the last step
 * @param quality      test figures: {@code test_mse}, {@code r2}, {@code noise_floor_mse}, {@code gap_to_floor} (empty for the seed loop)
 * @param figures      experiment-specific figures, units in the keys (e.g. {@code step_us}, {@code sync_share})
 * @param measurement  the meter's window around the run
 * @param point        the run as the tuner's currency
 */
public record Trial(String name, Map<String, String> config, double loopSeconds, double finalLoss,
                    Map<String, Double> quality, Map<String, Double> figures, Measurement measurement, Point point) {
    public Trial {
        config = Map.copyOf(config);
        quality = Map.copyOf(quality);
        figures = Map.copyOf(figures);
    }
}
