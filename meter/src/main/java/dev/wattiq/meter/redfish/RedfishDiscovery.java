package dev.wattiq.meter.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wattiq.meter.SensorException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Finds the chassis' power reading on a BMC: the service root's {@code Chassis} collection (or the one chassis the
 * URL names), and in each chassis, in this order, {@code EnvironmentMetrics.PowerWatts} (through its Sensor where
 * {@code DataSourceUri} names one, for {@code ReadingTime} and {@code SensingInterval}), else
 * {@code Power.PowerControl[].PowerConsumedWatts}. The first chassis with a reading wins; which one, and why, is
 * stated. A 429 or 503 while looking is retried a few times, honouring {@code Retry-After}.
 */
final class RedfishDiscovery {
    static final Duration MIN_REFRESH = Duration.ofSeconds(1);
    private static final int ATTEMPTS = 4;

    private RedfishDiscovery() {
    }

    static PowerSource find(RedfishClient client) throws SensorException {
        String path = client.target().url().getPath();
        List<String> chassis = new ArrayList<>();
        if (path != null && path.matches(".*/redfish/v1/Chassis/[^/]+/?")) {
            chassis.add(path.replaceAll("/$", ""));
        } else {
            JsonNode root = get(client, "/redfish/v1/", "is it a Redfish service (a BMC)? check the --redfish address");
            String coll = root.path("Chassis").path("@odata.id").asText("");
            if (coll.isEmpty()) throw new SensorException("redfish: the service root of " + client.target().origin()
                    + " lists no Chassis: this BMC offers no power reading; use the hwmon power meter instead");
            for (JsonNode m : get(client, coll, "").path("Members")) {
                String id = m.path("@odata.id").asText("");
                if (!id.isEmpty()) chassis.add(id);
            }
        }
        List<String> looked = new ArrayList<>();
        for (String c : chassis) {
            Optional<PowerSource> s = inChassis(client, c);
            if (s.isPresent()) return s.get();
            looked.add(c);
        }
        throw new SensorException("redfish: no chassis on " + client.target().origin() + " offers a power reading (looked for"
                + " EnvironmentMetrics PowerWatts and Power PowerControl[].PowerConsumedWatts in " + (looked.isEmpty() ? "none" : String.join(", ", looked))
                + "): the BMC may not meter power; use the hwmon power meter, or name a chassis with --redfish https://BMC/redfish/v1/Chassis/ID");
    }

    private static Optional<PowerSource> inChassis(RedfishClient client, String chassis) throws SensorException {
        JsonNode c = get(client, chassis, "");
        String env = c.path("EnvironmentMetrics").path("@odata.id").asText("");
        if (!env.isEmpty()) {
            JsonNode e = get(client, env, "");
            JsonNode pw = e.path("PowerWatts");
            if (pw.path("Reading").isNumber()) {
                OptionalDouble kwh = e.path("EnergykWh").path("Reading").isNumber()
                        ? OptionalDouble.of(e.path("EnergykWh").path("Reading").asDouble()) : OptionalDouble.empty();
                String src = pw.path("DataSourceUri").asText("");
                if (!src.isEmpty()) {
                    RedfishClient.Reply s = client.get(src);
                    if (s.status() == 200 && s.body().path("Reading").isNumber()) {
                        Optional<Duration> interval = interval(s.body().path("SensingInterval").asText(""));
                        return Optional.of(new PowerSource(PowerSource.Schema.SENSOR, chassis, src, 0, refresh(interval), interval.isPresent(),
                                kwh, Optional.empty()));
                    }
                }
                return Optional.of(new PowerSource(PowerSource.Schema.ENVIRONMENT_METRICS, chassis, env, 0, MIN_REFRESH, false, kwh, Optional.empty()));
            }
        }
        String power = c.path("Power").path("@odata.id").asText("");
        if (!power.isEmpty()) {
            JsonNode p = get(client, power, "");
            JsonNode controls = p.path("PowerControl");
            for (int i = 0; i < controls.size(); i++) {
                if (!controls.path(i).path("PowerConsumedWatts").isNumber()) continue;
                List<String> others = new ArrayList<>();
                for (int j = i + 1; j < controls.size(); j++) {
                    JsonNode o = controls.path(j);
                    if (o.path("PowerConsumedWatts").isNumber()) {
                        others.add("PowerControl[" + j + "] '" + o.path("Name").asText("") + "' " + o.path("PowerConsumedWatts").asDouble() + " W");
                    }
                }
                return Optional.of(new PowerSource(PowerSource.Schema.POWER, chassis, power, i, MIN_REFRESH, false, OptionalDouble.empty(),
                        others.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", others) + " (may be inside the first: not added)")));
            }
        }
        return Optional.empty();
    }

    /** GETs a resource that must exist, retrying 429/503 a few times. */
    static JsonNode get(RedfishClient client, String path, String hint) throws SensorException {
        for (int attempt = 1; ; attempt++) {
            RedfishClient.Reply r = client.get(path);
            if (r.status() == 200) return r.body();
            if ((r.status() == 429 || r.status() == 503) && attempt < ATTEMPTS) {
                sleep(Math.min(5, r.retryAfterSeconds().orElse(attempt)));
                continue;
            }
            throw new SensorException("redfish: the BMC at " + client.target().origin() + " answered HTTP " + r.status() + " for " + path
                    + (hint.isEmpty() ? (r.status() == 429 || r.status() == 503 ? ": it is busy; try again later" : "") : ": " + hint));
        }
    }

    private static void sleep(long seconds) throws SensorException {
        try {
            Thread.sleep(Duration.ofSeconds(seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SensorException("redfish: interrupted while the BMC was busy");
        }
    }

    /** An ISO 8601 duration ({@code PT1S}); empty when absent or malformed. */
    static Optional<Duration> interval(String iso) {
        if (iso.isEmpty()) return Optional.empty();
        try {
            Duration d = Duration.parse(iso);
            return d.isNegative() || d.isZero() ? Optional.empty() : Optional.of(d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Duration refresh(Optional<Duration> stated) {
        return stated.filter(d -> d.compareTo(MIN_REFRESH) > 0).orElse(MIN_REFRESH);
    }
}
