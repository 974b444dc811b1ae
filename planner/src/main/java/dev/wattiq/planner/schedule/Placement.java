package dev.wattiq.planner.schedule;

import java.time.Instant;
import java.util.List;

/**
 * Where and when a job runs and what it costs there.
 *
 * @param start     the first hour
 * @param region    the region
 * @param hours     the hours used, in time order (contiguous unless interruptible)
 * @param energyKwh energy drawn
 * @param cost      money, in the series' currency
 * @param co2eKg    location-based CO2e from the hourly intensities
 */
public record Placement(Instant start, String region, List<Instant> hours, double energyKwh, double cost, double co2eKg) {
    public Placement {
        hours = List.copyOf(hours);
    }

}
