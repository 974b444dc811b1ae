package dev.wattiq.planner.schedule;

import dev.wattiq.planner.PlannerException;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import static dev.wattiq.meter.UserInputException.field;

/**
 * A job to place in time and space.
 *
 * @param durationHours  run time in hours (a fraction uses part of the last hour)
 * @param powerKw        average power drawn, kW (facility side)
 * @param deadline       when it must be finished
 * @param now            the earliest start (the baseline starts here)
 * @param objective      what to minimise
 * @param costWeight     weight of cost in {@link Objective#WEIGHTED}, in [0, 1]
 * @param interruptible  true if it may run in any set of hours (one region)
 * @param regions        candidate regions; empty = all in the series; the first is the baseline's
 */
public record Job(double durationHours, double powerKw, Instant deadline, Instant now, Objective objective,
                  double costWeight, boolean interruptible, List<String> regions) {
    public Job {
        PlannerException.requirePositive(field("duration"), durationHours);
        PlannerException.requirePositive(field("power_kw"), powerKw);
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(objective, "objective");
        PlannerException.requireFraction(field("weight"), costWeight, true);
        regions = List.copyOf(regions);
        if (!deadline.isAfter(now)) {
            throw new PlannerException("the deadline " + deadline + " is not after now (" + now + "): give a later " + field("deadline"));
        }
        if (durationHours > 1e6) throw new PlannerException(field("duration") + " " + durationHours + " h is over a century: check the unit (hours)");
    }
}
