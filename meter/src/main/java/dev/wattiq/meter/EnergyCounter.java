package dev.wattiq.meter;

import java.util.Objects;

/**
 * One cumulative energy reading of one component on one device, as a sensor reports it.
 * Counters only grow: wraparound is undone inside the sensor that polls the raw counter, so a
 * window's energy is always {@code end.joules - begin.joules}.
 *
 * @param component       e.g. {@code cpu_package}, {@code dram}, {@code psys}, {@code gpu}, {@code memory}
 * @param device          e.g. {@code package-0}, {@code gpu-1}; never null
 * @param joules          energy of the whole device since the sensor opened, in joules
 * @param attributedJoules energy charged to the measured process tree since the sensor opened, in joules
 *                        (equal to {@code joules} where the sensor does not attribute)
 * @param method          how {@code joules} was obtained
 */
public record EnergyCounter(String component, String device, double joules, double attributedJoules, Method method) {
    /**
     * The component of a node-level (wall) source: an ACPI power meter, a BMC's reading over Redfish. A wall counter
     * is never a component: {@link Meter} keeps it apart, so it is never added into the components' total.
     */
    public static final String WALL = "wall";

    public EnergyCounter {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(method, "method");
        if (!(joules >= 0) || !(attributedJoules >= 0)) {
            throw new IllegalArgumentException("energy must be a non-negative number: " + joules + " / " + attributedJoules);
        }
    }

    /** A counter charged whole to whoever is measured. */
    public static EnergyCounter whole(String component, String device, double joules, Method method) {
        return new EnergyCounter(component, device, joules, joules, method);
    }

    /** Whether this is a node-level (wall) counter rather than a component. */
    public boolean isWall() {
        return WALL.equals(component);
    }

    /** The key that identifies the same counter in two readings. */
    public String key() {
        return component + "/" + device;
    }
}
