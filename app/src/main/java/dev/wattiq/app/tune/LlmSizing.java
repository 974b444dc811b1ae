package dev.wattiq.app.tune;

import dev.wattiq.meter.Clock;
import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.hardware.Precision;
import dev.wattiq.planner.llm.LlmBudget;
import dev.wattiq.planner.llm.LlmSizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The answer to an {@link LlmRequest}: the compute-optimal model for the budget and, when inference tokens are given,
 * the inference-aware one (with the same search at zero inference, which separates the law's own optimum from the
 * effect of serving). Printed by {@link LlmText} and {@link LlmJson}.
 */
public record LlmSizing(LlmRequest request, LlmSizer.Rule rule, LlmBudget.Plan plan, LlmBudget.Plan served, LlmSizer.Allocation zeroInference) {
    public static LlmSizing of(LlmRequest r, Clock clock) {
        LlmSizer.Rule rule = LlmSizer.Rule.parse(r.rule());
        Instant t0 = r.start() != null ? r.start() : clock.wallTime().truncatedTo(ChronoUnit.HOURS);
        LlmBudget b = new LlmBudget(HardwareCatalog.shipped().find(r.hardware()), r.site().site(), rule, r.devices(),
                Precision.parse(r.precision()), t0);
        LlmBudget.Plan plan = b.plan(r.kind(), r.amount());
        if (r.inferenceTokens() == null) return new LlmSizing(r, rule, plan, null, null);
        LlmBudget.Plan served = b.at(LlmSizer.inferenceAware(plan.allocation(), r.inferenceTokens(), rule));
        return new LlmSizing(r, rule, plan, served, LlmSizer.inferenceAware(plan.allocation(), 0, rule));
    }

    /** Lifetime (training + inference) FLOPs of the compute-optimal model. */
    double baseLifetimeFlops() {
        return plan.allocation().lifetimeFlops(request.inferenceTokens());
    }

    /** Lifetime FLOPs of the inference-aware model. */
    double servedLifetimeFlops() {
        return served.allocation().lifetimeFlops(request.inferenceTokens());
    }
}
