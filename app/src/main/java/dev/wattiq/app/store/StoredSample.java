package dev.wattiq.app.store;

import java.time.Instant;
import java.util.Map;

/**
 * One power sample as kept in the store.
 *
 * @param seq               position in the run, from 0
 * @param wallTime          end of the sampling interval
 * @param intervalSeconds   length of the interval
 * @param totalWatts        charged power, all components
 * @param wattsByComponent  charged power per component
 * @param gap               a sensor failed during the interval
 */
public record StoredSample(long seq, Instant wallTime, double intervalSeconds, double totalWatts, Map<String, Double> wattsByComponent, boolean gap) {
    public StoredSample {
        wattsByComponent = Map.copyOf(wattsByComponent);
    }
}
