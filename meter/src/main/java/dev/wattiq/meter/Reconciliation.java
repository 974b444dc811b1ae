package dev.wattiq.meter;

import java.util.ArrayList;
import java.util.List;

/**
 * The wall beside the components, over one window, whole machine: {@code other = wall - components} is what the
 * component counters miss (fans, power-supply losses, disks, NICs, the BMC, every device without a counter). Both sides
 * are whole-device energies, whatever the measurement's scope, so that they are comparable.
 *
 * @param wallJoules       the node-level source's energy, in joules
 * @param componentsJoules the sum of every component's whole-device energy, in joules
 * @param otherJoules      {@code wall - components}; negative when the components add up to more than the wall
 *                         (an estimate that runs high, or a wall meter that lags)
 * @param wallMethod       how the wall figure was obtained ({@code measured} counter or {@code integrated} power)
 * @param wallSources      the wall's devices, e.g. {@code power_meter (hwmon2)} or {@code redfish Chassis/1}
 * @param componentsMethod the weakest method among the components
 */
public record Reconciliation(double wallJoules, double componentsJoules, double otherJoules, Method wallMethod,
                             List<String> wallSources, Method componentsMethod) {
    public Reconciliation {
        wallSources = List.copyOf(wallSources);
    }

    static Reconciliation of(List<ComponentEnergy> wall, List<ComponentEnergy> components) {
        double w = 0;
        Method wm = Method.MEASURED;
        List<String> sources = new ArrayList<>();
        for (ComponentEnergy e : wall) {
            w += e.deviceJoules();
            wm = Method.weakest(wm, e.method());
            sources.add(e.device());
        }
        double c = 0;
        Method cm = Method.MEASURED;
        for (ComponentEnergy e : components) {
            c += e.deviceJoules();
            cm = Method.weakest(cm, e.method());
        }
        return new Reconciliation(w, c, w - c, wm, sources, cm);
    }

    /** The share of the wall the components miss, {@code other / wall}; NaN when the wall read nothing. */
    public double missedShare() {
        return wallJoules > 0 ? otherJoules / wallJoules : Double.NaN;
    }

    /**
     * The host-and-rest overhead as the planner states it, a fraction of the accelerators' power:
     * {@code (wall - gpu) / gpu}; NaN without GPU energy.
     */
    public static double hostOverheadFraction(double wallJoules, double gpuJoules) {
        return gpuJoules > 0 ? (wallJoules - gpuJoules) / gpuJoules : Double.NaN;
    }
}
