package dev.wattiq.meter.control;

import dev.wattiq.meter.Measurement;
import java.util.List;

/**
 * A window opened and closed through the control channel.
 *
 * @param name         the name the client gave
 * @param startSeconds seconds from the run's start (monotonic) to the window's start
 * @param measurement  what the meter measured over it (label = name)
 * @param work         the run's work counted between its two boundaries
 * @param notes        the measurement's notes, and why wattiq closed it when the client did not
 */
public record WindowRecord(String name, double startSeconds, Measurement measurement, Work work, List<String> notes) {
    public WindowRecord {
        notes = List.copyOf(notes);
    }
}
