package dev.wattiq.planner.selection;

import dev.wattiq.planner.PlannerException;

/**
 * No candidate meets the constraints. The message names the constraint that binds and the best value reachable.
 */
public final class InfeasibleException extends PlannerException {
    private final String binding;
    private final double bestReachable;

    public InfeasibleException(String message, String binding, double bestReachable) {
        super(message);
        this.binding = binding;
        this.bestReachable = bestReachable;
    }

    /** The constraint that binds, as written (e.g. {@code quality>=0.9}). */
    public String binding() {
        return binding;
    }

    /** The best value of the binding constraint's column that the other constraints allow (NaN if none). */
    public double bestReachable() {
        return bestReachable;
    }
}
