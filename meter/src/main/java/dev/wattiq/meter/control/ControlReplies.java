package dev.wattiq.meter.control;

import dev.wattiq.meter.Measurement;
import java.util.List;
import java.util.Map;

/** The reply lines of the control channel (one JSON object each, without the newline). */
final class ControlReplies {
    /** The protocol version a hello answers with; raised only for changes an old client cannot read. */
    static final int PROTOCOL = 2; // 2: close answers before the energy is read; the energy comes with op "window"

    private ControlReplies() {
    }

    static String ok(Long id) {
        return head(id, true).append('}').toString();
    }

    static String error(Long id, String message) {
        StringBuilder b = head(id, false).append(",\"error\":");
        return ControlJson.quote(b, message).append('}').toString();
    }

    static String hello(Long id, String runId) {
        StringBuilder b = head(id, true).append(",\"protocol\":").append(PROTOCOL).append(",\"run_id\":");
        if (runId == null) b.append("null"); else ControlJson.quote(b, runId);
        return b.append('}').toString();
    }

    static String opened(Long id, String name, double startSeconds) {
        StringBuilder b = head(id, true).append(",\"name\":");
        ControlJson.quote(b, name).append(",\"start_s\":");
        return ControlJson.number(b, startSeconds).append('}').toString();
    }

    static String window(Long id, WindowRecord r, long ref) {
        StringBuilder b = head(id, true).append(",\"window\":{\"name\":");
        ControlJson.quote(b, r.name()).append(",\"start_s\":");
        ControlJson.number(b, r.startSeconds());
        measurement(b, r.measurement(), r.work());
        notes(b, r.notes());
        return b.append(",\"ref\":").append(ref).append("}}").toString();
    }

    /** A window just closed: what is known without a sensor reading (its energy follows with op "window"). */
    static String closing(Long id, ControlState.Closing c, long ref) {
        StringBuilder b = head(id, true).append(",\"window\":{\"name\":");
        ControlJson.quote(b, c.name()).append(",\"start_s\":");
        ControlJson.number(b, c.startSeconds()).append(",\"duration_s\":");
        ControlJson.number(b, c.durationSeconds());
        work(b, c.work());
        return b.append(",\"ref\":").append(ref).append("}}").toString();
    }

    static String energy(Long id, Measurement m, Work work) {
        StringBuilder b = head(id, true);
        measurement(b, m, work);
        return b.append('}').toString();
    }

    private static void measurement(StringBuilder b, Measurement m, Work work) {
        b.append(",\"duration_s\":");
        ControlJson.number(b, m.durationSeconds()).append(",\"energy_j\":{\"total\":");
        ControlJson.number(b, m.totalJoules()).append(",\"by_component\":{");
        boolean first = true;
        for (Map.Entry<String, Double> e : m.joulesByComponent().entrySet()) {
            if (!first) b.append(',');
            first = false;
            ControlJson.quote(b, e.getKey()).append(':');
            ControlJson.number(b, e.getValue());
        }
        b.append("}},\"method\":");
        if (m.energies().isEmpty()) b.append("null"); else ControlJson.quote(b, m.method().label());
        work(b, work);
    }

    private static void work(StringBuilder b, Work work) {
        b.append(",\"work\":{\"steps\":").append(work.steps()).append(",\"samples\":").append(work.samples())
                .append(",\"tokens\":").append(work.tokens()).append('}');
    }

    private static void notes(StringBuilder b, List<String> notes) {
        if (notes.isEmpty()) return;
        b.append(",\"notes\":[");
        for (int i = 0; i < notes.size(); i++) {
            if (i > 0) b.append(',');
            ControlJson.quote(b, notes.get(i));
        }
        b.append(']');
    }

    private static StringBuilder head(Long id, boolean ok) {
        StringBuilder b = new StringBuilder(96).append("{\"id\":").append(id == null ? "null" : id.toString());
        return b.append(",\"ok\":").append(ok);
    }
}
