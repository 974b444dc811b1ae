package dev.wattiq.planner.selection;

/**
 * The row a {@link Selector} picked and why, in words a user can check.
 *
 * @param row      0-based row index in the table
 * @param strategy the selector's name, e.g. {@code least-cost}
 * @param reason   one sentence with the numbers that decided it
 */
public record Recommendation(int row, String strategy, String reason) {
}
