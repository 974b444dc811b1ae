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
 * (min) against duration (min), and quality (max) from a tag or label when {@code ?quality=KEY} names one, through the
 * same compute step as {@code wattiq tune points}. Only runs that have every objective's value take part: complete,
 * with a duration, a charged energy above zero, and the quality tag when asked. A run too short to charge has no
 * energy value (its 0 J would always be the "balance point").
 */
final class RunsFrontier {
    static final String OBJECTIVES = "energy_j:min,duration_s:min";
    static final String WITH_QUALITY = OBJECTIVES + ",quality:max";
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");

    private RunsFrontier() {
    }

    /** Whether a run has both energy and duration values. */
    static boolean hasValues(RunRecord r) {
        return "complete".equals(r.status()) && !"none".equals(r.method())
                && Double.isFinite(r.durationSeconds()) && r.durationSeconds() > 0 && Double.isFinite(r.chargedJoulesOrNaN());
    }

    /**
     * The quality key of {@code ?quality=KEY}, checked: null when not asked.
     *
     * @throws IllegalArgumentException naming the problem (the endpoint answers 400 with it)
     */
    static String qualityKey(String key) {
        if (key == null) return null;
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("quality must name a tag or label: letters, digits, '_', '.' or '-', starting with a letter "
                    + "or '_' (at most 64), e.g. ?quality=accuracy");
        }
        return key;
    }

    /** A run's quality from its tag or label {@code key}: NaN when it has none or it is not a finite number. */
    static double quality(RunRecord r, String key) {
        String v = r.labels().get(key);
        if (v == null) return Double.NaN;
        try {
            double q = Double.parseDouble(v.strip());
            return Double.isFinite(q) ? q : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static ObjectNode of(List<RunRecord> runs) {
        return of(runs, null);
    }

    /** The frontier over energy and duration, and over quality from the tag or label {@code quality} when not null. */
    static ObjectNode of(List<RunRecord> runs, String quality) {
        List<RunRecord> used = new ArrayList<>();
        for (RunRecord r : runs) if (hasValues(r) && (quality == null || Double.isFinite(quality(r, quality)))) used.add(r);
        String objectives = quality == null ? OBJECTIVES : WITH_QUALITY;
        ObjectNode o = Json.object();
        o.put("objectives", objectives);
        if (quality != null) o.put("quality_tag", quality);
        o.put("runs_considered", runs.size());
        o.put("runs_used", used.size());
        o.put("left_out", runs.size() - used.size());
        o.put("left_out_reason", "runs that are not complete, or lack a duration or a charged energy above 0 J (too short to measure)"
                + (quality == null ? "" : ", or have no numeric '" + quality + "' tag or label"));
        ArrayNode points = o.putArray("points");
        if (used.size() < 2) {
            o.putNull("recommended");
            o.put("note", "the frontier needs at least two complete runs with energy and duration (" + used.size() + " so far)");
            for (RunRecord r : used) point(points, r, false, quality);
            return o;
        }
        StringBuilder csv = new StringBuilder(quality == null ? "name,energy_j,duration_s\n" : "name,energy_j,duration_s,quality\n");
        for (RunRecord r : used) {
            csv.append(r.runId()).append(',').append(r.totalJoules()).append(',').append(r.durationSeconds());
            if (quality != null) csv.append(',').append(quality(r, quality));
            csv.append('\n');
        }
        PointsFrontier f = PointsFrontier.of(new PointsRequest(csv.toString(), "the store's runs", objectives, null, null, null, null, null, null));
        for (int i = 0; i < used.size(); i++) point(points, used.get(i), f.on()[i], quality);
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

    private static void point(ArrayNode points, RunRecord r, boolean on, String quality) {
        ObjectNode p = points.addObject();
        p.put("run_id", r.runId());
        p.put("command", String.join(" ", r.command()));
        p.put("energy_j", r.totalJoules());
        p.put("duration_s", r.durationSeconds());
        if (quality != null) p.put("quality", quality(r, quality));
        p.put("on_frontier", on);
    }
}
