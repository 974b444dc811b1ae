package dev.wattiq.meter.redfish;

import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.SensorException;
import dev.wattiq.meter.SensorProvider;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The wall from the BMC the user named with {@code --redfish}, for role {@code wall}: above the hwmon power meter,
 * and available only when named. Opening finds the power reading and takes a first one; an unreachable BMC, refused
 * credentials or an untrusted certificate fail the open with one line, and the run goes on without it.
 */
public final class RedfishProvider extends SensorProvider.Base {
    public RedfishProvider() {
        super("redfish", 200, "wall");
    }

    @Override
    public boolean isAvailable(SensorEnvironment env) {
        return env.redfish().isPresent();
    }

    @Override
    public Sensor open(SensorEnvironment env) throws SensorException {
        return open(env, true);
    }

    /** Opens the sensor; without {@code pollerThread} the caller drives {@link RedfishSensor#tick()} (tests). */
    static RedfishSensor open(SensorEnvironment env, boolean pollerThread) throws SensorException {
        RedfishTarget t = env.redfish().orElseThrow(() -> new SensorException("redfish: no BMC named (--redfish URL)"));
        RedfishClient client = RedfishClient.open(t);
        PowerSource source = RedfishDiscovery.find(client);
        Map<String, String> a = new LinkedHashMap<>();
        a.put("wall_source", "redfish " + t.origin() + source.chassis() + ": " + source.describe());
        a.put("redfish_tls", t.url().getScheme().equalsIgnoreCase("http") ? "plain http (loopback only)"
                : t.insecure() ? "NOT verified (--redfish-insecure): the readings could be faked by anyone on the path"
                : t.caFile().map(f -> "verified against --redfish-ca " + f).orElse("verified against the system trust store"));
        source.energyKwh().ifPresent(k -> a.put("redfish_energy_kwh", "the BMC also keeps EnergykWh (" + k + " kWh when measuring began);"
                + " WattIQ integrates PowerWatts instead, since EnergykWh's resolution (often 1 Wh, 3.6 kJ) is too coarse for runs of minutes"));
        source.notAdded().ifPresent(n -> a.put("redfish_not_added", n));
        RedfishSensor s = new RedfishSensor(client, source, env.clock(), a);
        s.first();
        if (pollerThread) s.start();
        return s;
    }
}
