package dev.wattiq.meter.hwmon;

/**
 * NVIDIA Grace and Grace Hopper module power ({@code power_meter} channels labelled "Module Power Socket N"), for role
 * {@code cpu}: a measured figure for the whole superchip, above RAPL (which Grace does not have) and the estimate.
 */
public final class HwmonModuleProvider extends HwmonChannelProvider {
    /** Above RAPL and the estimate. */
    public static final int PRIORITY = 150;

    public HwmonModuleProvider() {
        super("hwmon-module", PRIORITY, "cpu", HwmonChannel.Role.MODULE, "Module Power channel", true);
    }
}
