package dev.wattiq.planner.schedule;

import java.util.List;

/**
 * The chosen placement, the baseline (start now in the first region, run without pause) and the savings.
 *
 * @param best           the placement minimising the objective
 * @param baseline       starting now in the baseline region
 * @param savingsPct     objective saved versus the baseline, percent of the baseline's
 * @param costSavingsPct cost saved, percent
 * @param co2eSavingsPct CO2e saved, percent
 * @param notes          what was assumed (the window, a clipped deadline)
 */
public record ScheduleResult(Job job, Placement best, Placement baseline, double savingsPct, double costSavingsPct,
                             double co2eSavingsPct, List<String> notes) {
    public ScheduleResult {
        notes = List.copyOf(notes);
    }
}
