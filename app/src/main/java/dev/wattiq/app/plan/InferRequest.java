package dev.wattiq.app.plan;

/**
 * A {@code plan infer} request (CLI options, or the fields of a {@code POST /api/plan/infer} body in snake_case).
 * Null means "not given": the planner's defaults decide (batch 64, 500 prompt and 300 output tokens, 1M requests a day).
 */
public record InferRequest(PlanTarget target, Integer batch, Double inputTokens, Double outputTokens, Double requestsPerDay) {
}
