package dev.wattiq.meter.hwmon;

import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.SensorException;
import dev.wattiq.meter.SensorProvider;

/**
 * The node's wall power from hwmon: the ACPI power meter ({@code power_meter} without a socket label), for role
 * {@code wall}. Below Redfish, which is only available when the user names a BMC. Several node-level meters are
 * summed (each is then a device of its own in the measurement).
 */
public final class HwmonWallProvider extends SensorProvider.Base {
    public HwmonWallProvider() {
        super("hwmon", 100, "wall");
    }

    @Override
    public boolean isAvailable(SensorEnvironment env) {
        return !HwmonProviders.channels(env, HwmonChannel.Role.WALL).isEmpty();
    }

    @Override
    public Sensor open(SensorEnvironment env) throws SensorException {
        var channels = HwmonProviders.channels(env, HwmonChannel.Role.WALL);
        if (channels.isEmpty()) throw new SensorException("hwmon: no node-level power meter under " + HwmonDiscovery.hwmonDir(env.sysfsRoot()));
        return HwmonProviders.open(name(), env, channels, false);
    }
}
