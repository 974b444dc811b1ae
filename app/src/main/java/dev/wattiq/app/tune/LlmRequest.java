package dev.wattiq.app.tune;

import static dev.wattiq.meter.UserInputException.field;

import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.cli.SiteRequest;
import dev.wattiq.app.plan.PlanTarget;
import dev.wattiq.planner.llm.LlmBudget;
import java.time.Instant;

/**
 * A {@code tune llm} request: a budget of one kind, the hardware and site it is spent on, and how to size the model.
 *
 * @param inferenceTokens tokens the model will serve over its life (null: size for training alone)
 * @param devices         devices to train on (null: the fewest whole nodes that hold the training state)
 * @param start           training start, for time-of-use tariffs and carbon series (null: now, on the hour)
 */
public record LlmRequest(LlmBudget.Kind kind, double amount, String hardware, SiteRequest site, String rule, Double inferenceTokens,
                         Integer devices, String precision, Instant start) {
    public static final String DEFAULT_RULE = "chinchilla";
    public static final String DEFAULT_PRECISION = PlanTarget.DEFAULT_PRECISION;

    public LlmRequest {
        if (hardware == null) {
            throw new Errors.UserError("no hardware given: add " + field("hardware") + ", e.g. " + field("hardware") + " H100-SXM (see "
                    + field("list_hardware", "the hardware catalogue, hardware.csv") + ")");
        }
        if (rule == null) rule = DEFAULT_RULE;
        if (precision == null) precision = DEFAULT_PRECISION;
        if (site == null) site = SiteRequest.NONE;
    }
}
