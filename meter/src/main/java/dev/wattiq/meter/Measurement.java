package dev.wattiq.meter;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was measured over one window: energy by component and device, each with its method.
 * Units are in the names: joules, watts, {@link Duration}.
 *
 * @param label            the window's label, e.g. {@code epoch-3} or the command line
 * @param start            wall time at the window's start
 * @param duration         monotonic length of the window
 * @param scope            what was charged
 * @param energies         one entry per component and device
 * @param avgPowerWatts    charged energy / duration
 * @param peakPowerWatts   highest charged power between two consecutive samples (avg when there were none)
 * @param idlePowerWatts   the machine's baseline (idle) power, reported separately; NaN when unknown
 * @param samples          number of sampler readings inside the window
 * @param assumptions      model names and coefficients used for estimated figures, e.g. {@code cpu_watts_per_core=10.5 (default)}
 * @param notes            warnings a user must see: unreliable short window, sensor gap, unreadable counter
 * @param wall             the node-level (wall) source's energy over the window, whole machine; empty without one.
 *                         Never part of {@link #energies}, so never added into the components' total
 *                         ({@link #reconciliation()} sets the two side by side)
 */
public record Measurement(
        String label,
        Instant start,
        Duration duration,
        Scope scope,
        List<ComponentEnergy> energies,
        double avgPowerWatts,
        double peakPowerWatts,
        double idlePowerWatts,
        int samples,
        Map<String, String> assumptions,
        List<String> notes,
        List<ComponentEnergy> wall) {

    public Measurement {
        NonNull.check("label, start, duration, scope", label, start, duration, scope);
        energies = List.copyOf(energies);
        assumptions = Map.copyOf(assumptions);
        notes = List.copyOf(notes);
        wall = List.copyOf(wall);
        for (ComponentEnergy e : energies) {
            if (EnergyCounter.WALL.equals(e.component())) throw new IllegalArgumentException("a wall reading is not a component: pass it as wall");
        }
    }

    /** A measurement without a wall source. */
    public Measurement(String label, Instant start, Duration duration, Scope scope, List<ComponentEnergy> energies,
                       double avgPowerWatts, double peakPowerWatts, double idlePowerWatts, int samples,
                       Map<String, String> assumptions, List<String> notes) {
        this(label, start, duration, scope, energies, avgPowerWatts, peakPowerWatts, idlePowerWatts, samples, assumptions, notes, List.of());
    }

    /** The wall's energy over the window (whole machine, joules); empty without a wall source. */
    public java.util.OptionalDouble wallJoules() {
        if (wall.isEmpty()) return java.util.OptionalDouble.empty();
        double t = 0;
        for (ComponentEnergy e : wall) t += e.deviceJoules();
        return java.util.OptionalDouble.of(t);
    }

    /** The wall set beside the components' whole-device sum; empty without a wall source. */
    public java.util.Optional<Reconciliation> reconciliation() {
        return wall.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(Reconciliation.of(wall, energies));
    }

    /** Total charged energy in joules. Components are non-overlapping by construction (sensors never report nested RAPL domains). */
    public double totalJoules() {
        double t = 0;
        for (ComponentEnergy e : energies) t += e.energyJoules();
        return t;
    }

    /** Charged energy per component, summed over devices, in joules, in first-seen order. */
    public Map<String, Double> joulesByComponent() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (ComponentEnergy e : energies) m.merge(e.component(), e.energyJoules(), Double::sum);
        return m;
    }

    /** The weakest method over all components ({@code measured} when there are none). */
    public Method method() {
        Method m = Method.MEASURED;
        for (ComponentEnergy e : energies) m = Method.weakest(m, e.method());
        return m;
    }

    public double durationSeconds() {
        return duration.toNanos() / 1e9;
    }
}
