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
 */
public record PowerSample(Instant wallTime, double intervalSeconds, Map<String, Double> wattsByComponent, double totalWatts, boolean gap) {
    public PowerSample {
        wattsByComponent = Map.copyOf(wattsByComponent);
    }
}
