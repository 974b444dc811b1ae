package dev.wattiq.ledger;

import java.util.Map;
import java.util.Objects;

/**
 * One configuration with what it costs and what it buys: the tuner's currency. Measured lab runs and modelled
 * plans are both Points, so one Pareto engine serves both.
 *
 * @param name              short id, e.g. {@code prune-50} or {@code h100x2048-bf16}
 * @param config            the knob settings, e.g. {@code precision=bf16}, {@code sparsity=0.5}
 * @param energyJoules      IT energy, in joules
 * @param durationSeconds   wall time, in seconds
 * @param cost              money at the site's tariff (facility energy), in {@code currency}
 * @param currency          ISO 4217 code
 * @param co2eLocationKg    location-based CO2e, in kg
 * @param co2eMarketKg      market-based CO2e, in kg
 * @param quality           the quality figure, higher is better (e.g. R², or minus the loss); NaN when unknown
 * @param qualityMetric     what {@code quality} is, e.g. {@code r2} or {@code neg_loss}
 * @param measured          true for a measured run, false for a model's estimate
 */
public record Point(
        String name,
        Map<String, String> config,
        double energyJoules,
        double durationSeconds,
        double cost,
        String currency,
        double co2eLocationKg,
        double co2eMarketKg,
        double quality,
        String qualityMetric,
        boolean measured) {

    public Point {
        Objects.requireNonNull(name, "name");
        config = Map.copyOf(config);
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(qualityMetric, "qualityMetric");
    }

    /** A point priced by a {@link Bill}: IT energy, cost and both CO2e figures come from the bill. */
    public static Point of(String name, Map<String, String> config, double durationSeconds, Bill bill,
                           double quality, String qualityMetric, boolean measured) {
        return new Point(name, config, bill.itEnergyJoules(), durationSeconds, bill.cost().amount(), bill.cost().currency(),
                bill.co2eLocationKg(), bill.co2eMarketKg(), quality, qualityMetric, measured);
    }
}
