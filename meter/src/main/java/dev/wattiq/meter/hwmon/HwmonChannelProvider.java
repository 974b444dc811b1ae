package dev.wattiq.meter.hwmon;

import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.SensorException;
import dev.wattiq.meter.SensorProvider;

/** A provider of the hwmon {@code power_meter} channels of one {@link HwmonChannel.Role}: available where it finds one. */
abstract class HwmonChannelProvider extends SensorProvider.Base {
    private final HwmonChannel.Role channels;
    private final String what;
    private final boolean module;

    /**
     * @param channels the channels' role
     * @param what     what they are, for the message when none is found, e.g. {@code "Module Power channel"}
     * @param module   whether they are module power (summed per socket) rather than node-level meters
     */
    HwmonChannelProvider(String name, int priority, String covers, HwmonChannel.Role channels, String what, boolean module) {
        super(name, priority, covers);
        this.channels = channels;
        this.what = what;
        this.module = module;
    }

    @Override
    public final boolean isAvailable(SensorEnvironment env) {
        return !HwmonProviders.channels(env, channels).isEmpty();
    }

    @Override
    public final Sensor open(SensorEnvironment env) throws SensorException {
        var found = HwmonProviders.channels(env, channels);
        if (found.isEmpty()) throw new SensorException(name() + ": no " + what + " under " + HwmonDiscovery.hwmonDir(env.sysfsRoot()));
        return HwmonProviders.open(name(), env, found, module);
    }
}
