package dev.wattiq.meter.hwmon;

import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.SensorException;
import dev.wattiq.meter.SensorProvider;

/**
 * NVIDIA Grace and Grace Hopper module power ({@code power_meter} channels labelled "Module Power Socket N"), for role
 * {@code cpu}: a measured figure for the whole superchip, above RAPL (which Grace does not have) and the estimate.
 */
public final class HwmonModuleProvider extends SensorProvider.Base {
    /** Above RAPL and the estimate. */
    public static final int PRIORITY = 150;

    public HwmonModuleProvider() {
        super("hwmon-module", PRIORITY, "cpu");
    }

    @Override
    public boolean isAvailable(SensorEnvironment env) {
        return !HwmonProviders.channels(env, HwmonChannel.Role.MODULE).isEmpty();
    }

    @Override
    public Sensor open(SensorEnvironment env) throws SensorException {
        var channels = HwmonProviders.channels(env, HwmonChannel.Role.MODULE);
        if (channels.isEmpty()) throw new SensorException("hwmon-module: no Module Power channel under " + HwmonDiscovery.hwmonDir(env.sysfsRoot()));
        return HwmonProviders.open(name(), env, channels, true);
    }
}
