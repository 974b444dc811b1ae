package dev.wattiq.lab.serve;

import java.util.List;
import java.util.Map;

/**
 * What a sweep produced: its rows in measurement order, the sensors that metered it, and the notes a reader must see
 * (no sensor, estimated energy, short windows).
 *
 * @param config      the sweep that ran
 * @param rows        one per configuration
 * @param sensors     names of the sensors the meter used (empty: no energy figures)
 * @param assumptions the sensors' model assumptions (for estimated energy)
 * @param notes       warnings, each once
 */
public record ServeResult(ServeConfig config, List<ServeRow> rows, List<String> sensors, Map<String, String> assumptions,
                          List<String> notes) {
    public ServeResult {
        rows = List.copyOf(rows);
        sensors = List.copyOf(sensors);
        assumptions = Map.copyOf(assumptions);
        notes = List.copyOf(notes);
    }
}
