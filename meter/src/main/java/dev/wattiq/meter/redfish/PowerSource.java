package dev.wattiq.meter.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where a BMC states the chassis' power, as {@link RedfishDiscovery} found it.
 *
 * @param schema      which Redfish schema the reading comes from
 * @param chassis     the chassis' resource, e.g. {@code /redfish/v1/Chassis/1}
 * @param pollPath    the resource polled for the reading
 * @param index       {@code Power} schema only: the {@code PowerControl} entry read
 * @param refresh     how often the BMC refreshes the reading ({@code SensingInterval}), at least 1 s; 1 s when unstated
 * @param refreshStated whether the BMC stated {@link #refresh}
 * @param energyKwh   {@code EnvironmentMetrics.EnergykWh.Reading} at discovery, where the BMC keeps one
 * @param notAdded    other {@code PowerControl} entries, listed not added (they may be inside the first)
 */
public record PowerSource(Schema schema, String chassis, String pollPath, int index, Duration refresh, boolean refreshStated,
                          OptionalDouble energyKwh, Optional<String> notAdded) {

    /** The schema a reading comes from. */
    public enum Schema {
        /** {@code EnvironmentMetrics.PowerWatts}, polled through its {@code Sensor} ({@code DataSourceUri}). */
        SENSOR,
        /** {@code EnvironmentMetrics.PowerWatts.Reading}. */
        ENVIRONMENT_METRICS,
        /** The older {@code Power.PowerControl[].PowerConsumedWatts}. */
        POWER
    }

    /** The reading in a polled resource, in watts; empty when it holds no number. */
    public OptionalDouble watts(JsonNode body) {
        JsonNode n = switch (schema) {
            case SENSOR -> body.path("Reading");
            case ENVIRONMENT_METRICS -> body.path("PowerWatts").path("Reading");
            case POWER -> body.path("PowerControl").path(index).path("PowerConsumedWatts");
        };
        return n.isNumber() && n.asDouble() >= 0 && Double.isFinite(n.asDouble()) ? OptionalDouble.of(n.asDouble()) : OptionalDouble.empty();
    }

    /** The reading's own time stamp ({@code ReadingTime} of a Sensor), where the BMC gives one. */
    public Optional<String> readingTime(JsonNode body) {
        JsonNode t = schema == Schema.SENSOR ? body.path("ReadingTime") : body.path("PowerWatts").path("ReadingTime");
        return t.isTextual() ? Optional.of(t.asText()) : Optional.empty();
    }

    /** What was used, for the measurement's assumptions. */
    public String describe() {
        String what = switch (schema) {
            case SENSOR -> "EnvironmentMetrics PowerWatts, read from its Sensor " + pollPath;
            case ENVIRONMENT_METRICS -> "EnvironmentMetrics PowerWatts (" + pollPath + ")";
            case POWER -> "Power PowerControl[" + index + "].PowerConsumedWatts (" + pollPath + "; the older schema: this BMC has no EnvironmentMetrics PowerWatts)";
        };
        return what + ", polled every " + fmt(refresh) + (refreshStated ? " (the sensor's SensingInterval)" : " (the BMC states no refresh: 1 s)")
                + ", held between polls and integrated";
    }

    static String fmt(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
