package dev.wattiq.planner.train;

import dev.wattiq.planner.fit.Spread;

/**
 * What a plan needs from the training fit: the model fitted on every published run and the spreads of its
 * out-of-sample residuals (device-hours, power, and energy as their product).
 *
 * @param model  the fitted model
 * @param hours  spread of the out-of-sample device-hours log residuals
 * @param power  spread of the out-of-sample average-power log residuals
 * @param energy spread of hours x power
 * @param runs   published runs with device-hours behind the fit
 */
public record TrainingFitSummary(TrainingModel model, Spread hours, Spread power, Spread energy, int runs) {
}
