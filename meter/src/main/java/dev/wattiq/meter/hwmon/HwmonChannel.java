package dev.wattiq.meter.hwmon;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * One power or energy channel of a hwmon device, as sysfs lays it out ({@code Documentation/hwmon/sysfs-interface}).
 *
 * @param hwmon      the device's directory name, e.g. {@code hwmon2}
 * @param name       the device's {@code name}, e.g. {@code power_meter} (ACPI power meter, also Grace's channels)
 * @param index      the channel number N of {@code powerN_*} / {@code energyN_*}
 * @param label      {@code powerN_oem_info} or {@code powerN_label} (Grace: "Module Power Socket 0"); empty if none
 * @param reading    what the channel offers, best first: an energy counter, an average power, an instant power
 * @param file       the file read: {@code energyN_input} (µJ) or {@code powerN_average} / {@code powerN_input} (µW)
 * @param averaging  {@code powerN_average_interval} (ms) where the driver states it
 * @param role       what the channel measures for WattIQ
 */
public record HwmonChannel(String hwmon, String name, int index, String label, Reading reading, Path file,
                           Optional<Duration> averaging, Role role) {

    /** How a channel reports. */
    public enum Reading {
        /** {@code energyN_input}: cumulative microjoules. */
        ENERGY,
        /** {@code powerN_average}: microwatts averaged over {@code powerN_average_interval}. */
        POWER_AVERAGE,
        /** {@code powerN_input}: instantaneous microwatts. */
        POWER_INPUT;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a channel measures, and so how WattIQ counts it. */
    public enum Role {
        /** A node-level meter (ACPI power meter without a socket label): the wall. */
        WALL,
        /** A whole superchip module (Grace, Grace Hopper: "Module Power Socket N"): a component. */
        MODULE,
        /** Part of a module ("Grace/CPU/SysIO Power Socket N"): inside MODULE, never added. */
        NESTED,
        /** Another device's channel (a GPU, a CPU driver, a drive): overlaps the CPU and GPU sensors, not added. */
        OTHER
    }

    /** The socket number of a Grace label ("... Socket N"), or -1. */
    public int socket() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)socket\\s*(\\d+)").matcher(label);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** How the channel is named to users: {@code hwmon2 power_meter power1 ("Module Power Socket 0")}. */
    public String describe() {
        String kind = reading == Reading.ENERGY ? "energy" : "power";
        return hwmon + " " + name + " " + kind + index + (label.isEmpty() ? "" : " (\"" + label + "\")");
    }
}
