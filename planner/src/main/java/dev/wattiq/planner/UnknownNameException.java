package dev.wattiq.planner;

import java.util.List;

/** An identifier (hardware, model) that is not in the catalogue; carries the closest known names. */
public final class UnknownNameException extends PlannerException {
    private final List<String> closest;

    public UnknownNameException(String what, String name, List<String> closest) {
        super("unknown " + what + " '" + name + "'" + (closest.isEmpty() ? "" : "; closest: " + String.join(", ", closest))
                + " (see " + (what.equals("hardware") ? field("list_hardware", "the hardware catalogue, hardware.csv") : field("list_models", "the model catalogue, models.csv")) + ")");
        this.closest = List.copyOf(closest);
    }

    public List<String> closest() {
        return closest;
    }
}
