package dev.wattiq.meter.hwmon;

/**
 * The node's wall power from hwmon: the ACPI power meter ({@code power_meter} without a socket label), for role
 * {@code wall}. Below Redfish, which is only available when the user names a BMC. Several node-level meters are
 * summed (each is then a device of its own in the measurement).
 */
public final class HwmonWallProvider extends HwmonChannelProvider {
    public HwmonWallProvider() {
        super("hwmon", 100, "wall", HwmonChannel.Role.WALL, "node-level power meter", false);
    }
}
