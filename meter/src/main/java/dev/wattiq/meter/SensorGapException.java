package dev.wattiq.meter;

import java.util.List;
import java.util.Map;

/**
 * A poll that read the sensor, but some of its counters have a gap this time: a counter that went backwards or
 * leapt (refused by {@link dev.wattiq.meter.counter.PlausibleCounter}), a zone that vanished, a GPU that was lost.
 * The counters it carries are good (the gapped ones simply did not advance); the meter uses them and notes each
 * gap once per window, keyed by the counter it names.
 */
public final class SensorGapException extends SensorException {
    private final List<EnergyCounter> counters;
    private final Map<String, String> notes;

    /**
     * @param counters every counter of the sensor, as {@link Sensor#poll()} would return them
     * @param notes    one line per counter with a gap, keyed by the zone or device it names
     */
    public SensorGapException(List<EnergyCounter> counters, Map<String, String> notes) {
        super(String.join("; ", notes.values()));
        if (notes.isEmpty()) throw new IllegalArgumentException("a gap needs at least one note");
        this.counters = List.copyOf(counters);
        this.notes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(notes));
    }

    public List<EnergyCounter> counters() {
        return counters;
    }

    /** One line per counter with a gap, keyed by what it names. */
    public Map<String, String> notes() {
        return notes;
    }
}
