package dev.wattiq.meter;

import java.time.Instant;
import java.util.Map;

/**
 * One point of the power timeline: average charged power per component between two consecutive readings.
 *
 * @param wallTime          end of the interval
 * @param intervalSeconds   length of the interval
 * @param wattsByComponent  charged power per component, in watts
 * @param totalWatts        sum of {@code wattsByComponent}
 * @param gap               true when a sensor failed during the interval (the figures then miss that sensor)
 * @param wallWatts         the node-level (wall) source's power over the interval, whole machine; NaN without one.
 *                          Never part of {@code wattsByComponent} or {@code totalWatts}
 */
public record PowerSample(Instant wallTime, double intervalSeconds, Map<String, Double> wattsByComponent, double totalWatts, boolean gap,
                          double wallWatts) {
    public PowerSample {
        wattsByComponent = Map.copyOf(wattsByComponent);
    }

    /** A sample without a wall source. */
    public PowerSample(Instant wallTime, double intervalSeconds, Map<String, Double> wattsByComponent, double totalWatts, boolean gap) {
        this(wallTime, intervalSeconds, wattsByComponent, totalWatts, gap, Double.NaN);
    }
}
