package dev.wattiq.app.plan;

/**
 * A {@code plan train} request (CLI options, or the fields of a {@code POST /api/plan/train} body in snake_case).
 * Null means "not given": the planner's model decides.
 *
 * @param tokens      training tokens (default: the published model's)
 * @param deviceHours known device-hours: replace the time model
 * @param devicePower average watts per device: replace the power model
 * @param mfu         achieved model FLOPs utilisation in (0, 1]: replaces the utilisation model
 */
public record TrainRequest(PlanTarget target, Double tokens, Double deviceHours, Double devicePower, Double mfu,
                           int tensorParallel, int pipelineParallel, boolean recompute) {
}
