package dev.wattiq.app.store;

import dev.wattiq.meter.control.Work;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A window of a run, opened and closed from inside the command (the Python client, or any client of the control
 * channel): what {@code windows[]} of the run's JSON holds.
 *
 * @param name              the name the client gave, e.g. {@code epoch-3}
 * @param startSeconds      seconds from the run's start to the window's
 * @param durationSeconds   the window's length
 * @param totalJoules       charged energy over the window, all components
 * @param joulesByComponent charged energy per component
 * @param method            the weakest method over its components, or null when nothing was measured
 * @param work              steps, samples and tokens counted between its boundaries (all clients of the run)
 * @param notes             e.g. why wattiq closed it, or that it was shorter than the sensors' update period
 */
public record RunWindow(String name, double startSeconds, double durationSeconds, double totalJoules,
                        Map<String, Double> joulesByComponent, String method, Work work, List<String> notes) {
    public RunWindow {
        joulesByComponent = new LinkedHashMap<>(joulesByComponent);
        notes = List.copyOf(notes);
    }

    /** From what the control channel recorded. */
    public static RunWindow of(dev.wattiq.meter.control.WindowRecord r) {
        var m = r.measurement();
        return new RunWindow(r.name(), r.startSeconds(), m.durationSeconds(), m.totalJoules(), m.joulesByComponent(),
                m.energies().isEmpty() ? null : m.method().label(), r.work(), r.notes());
    }
}
