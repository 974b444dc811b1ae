package dev.wattiq.planner.infer;

import dev.wattiq.planner.fit.Spread;

/**
 * What a plan needs from the serving fit: the model fitted on every published J/token row and the spread of its
 * out-of-sample residuals.
 *
 * @param model  the fitted model
 * @param spread spread of the out-of-sample J/token log residuals
 * @param rows   published rows behind the fit
 */
public record ServingFitSummary(ServingModel model, Spread spread, int rows) {
}
