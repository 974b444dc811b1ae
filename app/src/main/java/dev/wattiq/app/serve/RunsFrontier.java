package dev.wattiq.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wattiq.app.output.Json;
import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.tune.PointsFrontier;
import dev.wattiq.app.tune.PointsJson;
import dev.wattiq.app.tune.PointsRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's Tune panel ({@code GET /api/frontier}): the tuner's Pareto frontier over the store's runs, energy
 * (min) against duration (min), through the same compute step as {@code wattiq tune points}. Only runs that have both
 * objective values take part: complete, with a duration and a measured or estimated energy above zero. A run that
 * ended before its sensors could read anything has 0 J, which is no value (it would always be the "balance point").
 */
final class RunsFrontier {
    static final String OBJECTIVES = "energy_j:min,duration_s:min";

    private RunsFrontier() {
    }

    /** Whether a run has both objective values. */
    static boolean hasValues(RunRecord r) {
        return "complete".equals(r.status()) && r.method() != null && !r.method().equals("none")
                && Double.isFinite(r.durationSeconds()) && r.durationSeconds() > 0
                && Double.isFinite(r.totalJoules()) && r.totalJoules() > 0;
    }

    static ObjectNode of(List<RunRecord> runs) {
        List<RunRecord> used = new ArrayList<>();
        for (RunRecord r : runs) if (hasValues(r)) used.add(r);
        ObjectNode o = Json.object();
        o.put("objectives", OBJECTIVES);
        o.put("runs_considered", runs.size());
        o.put("runs_used", used.size());
        o.put("left_out", runs.size() - used.size());
        o.put("left_out_reason", "runs that are not complete, or lack a duration or an energy above 0 J (too short to measure)");
        ArrayNode points = o.putArray("points");
        if (used.size() < 2) {
            o.putNull("recommended");
            o.put("note", "the frontier needs at least two complete runs with energy and duration (" + used.size() + " so far)");
            for (RunRecord r : used) point(points, r, false);
            return o;
        }
        StringBuilder csv = new StringBuilder("name,energy_j,duration_s\n");
        for (RunRecord r : used) csv.append(r.runId()).append(',').append(r.totalJoules()).append(',').append(r.durationSeconds()).append('\n');
        PointsFrontier f = PointsFrontier.of(new PointsRequest(csv.toString(), "the store's runs", OBJECTIVES, null, null, null, null, null, null));
        for (int i = 0; i < used.size(); i++) point(points, used.get(i), f.on()[i]);
        JsonNode rec = PointsJson.of(f).path("recommended"); // the tune points answer, as POST /api/tune/points gives it
        if (!rec.isObject()) {
            o.putNull("recommended");
        } else {
            RunRecord r = used.get(rec.path("row").asInt());
            ObjectNode n = o.putObject("recommended");
            n.put("run_id", r.runId());
            n.put("command", String.join(" ", r.command()));
            n.put("reason", rec.path("reason").asText());
        }
        return o;
    }

    private static void point(ArrayNode points, RunRecord r, boolean on) {
        ObjectNode p = points.addObject();
        p.put("run_id", r.runId());
        p.put("command", String.join(" ", r.command()));
        p.put("energy_j", r.totalJoules());
        p.put("duration_s", r.durationSeconds());
        p.put("on_frontier", on);
    }
}
