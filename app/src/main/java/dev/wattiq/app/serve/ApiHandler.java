package dev.wattiq.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.wattiq.app.run.DevicesText;
import dev.wattiq.app.run.RunJson;
import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.StoreException;
import dev.wattiq.app.store.StoredSample;
import dev.wattiq.meter.Clock;
import dev.wattiq.meter.DeviceInfo;
import dev.wattiq.meter.EnergyCounter;
import dev.wattiq.meter.PowerSample;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.UserInputException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The JSON API under {@code /api/}: GET health, runs, one run with samples, devices, live power; POST endpoints
 * (plan, tune, schedule) registered by the caller as functions from a validated JSON body to a JSON answer.
 */
public final class ApiHandler {
    /** Most samples returned with one run (longer runs are evenly thinned). */
    public static final int MAX_RUN_SAMPLES = 2000;
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]{1,80}");

    /** A POST endpoint: body in, answer out; bad input is an {@link HttpError} with status 400 or a {@link UserInputException}. */
    public interface PostEndpoint {
        JsonNode answer(JsonNode body);
    }

    private final LiveMachine live;
    private final StoreView store;
    private final List<Sensor> sensors;
    private final List<DeviceInfo> devices;
    private final String host;
    private final Map<String, PostEndpoint> posts;
    private final Clock clock;

    public ApiHandler(LiveMachine live, StoreView store, List<Sensor> sensors, List<DeviceInfo> devices, String host,
                      Map<String, PostEndpoint> posts, Clock clock) {
        this.clock = clock;
        this.live = live;
        this.store = store;
        this.sensors = List.copyOf(sensors);
        this.devices = List.copyOf(devices);
        this.host = host;
        this.posts = Map.copyOf(posts);
    }

    void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        PostEndpoint post = posts.get(path);
        if (post != null) {
            if (!"POST".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "POST");
                throw new HttpError(405, "method " + ex.getRequestMethod() + " not allowed here: POST a JSON object");
            }
            JsonNode body = Exchanges.readJson(ex, WattiqServer.MAX_BODY_BYTES);
            JsonNode answer;
            try {
                answer = post.answer(body);
            } catch (UserInputException e) { // the request's mistake, its message naming the fix; anything else is a 500
                throw new HttpError(400, e.getMessage());
            }
            Exchanges.sendJson(ex, 200, answer);
            return;
        }
        WattiqServer.requireGet(ex);
        if (path.equals("/api/health")) Exchanges.sendJson(ex, 200, health());
        else if (path.equals("/api/runs")) Exchanges.send(ex, 200, "application/json; charset=utf-8", runsBody());
        else if (path.equals("/api/frontier")) Exchanges.sendJson(ex, 200, frontier(frontierQuality(ex.getRequestURI())));
        else if (path.startsWith("/api/runs/")) Exchanges.sendJson(ex, 200, run(path.substring("/api/runs/".length())));
        else if (path.equals("/api/devices")) Exchanges.sendJson(ex, 200, devices());
        else if (path.equals("/api/live")) Exchanges.sendJson(ex, 200, liveJson());
        else throw new HttpError(404, "no such endpoint: " + path + " (see docs/serve.md for the API)");
    }

    ObjectNode health() {
        LiveMachine.Snapshot s = live.snapshot();
        ObjectNode o = Exchanges.JSON.createObjectNode();
        o.put("status", "ok");
        o.put("host", host);
        o.put("uptime_s", Duration.between(live.startedAt(), clock.wallTime()).toMillis() / 1000.0);
        o.put("samples", s.samples());
        o.put("interval_s", live.meter().interval().toNanos() / 1e9);
        ArrayNode ss = o.putArray("sensors");
        for (Sensor sensor : sensors) ss.add(sensor.name());
        StoreView.Snapshot st = store.snapshot();
        o.put("store", Exchanges.scrub(store.location())); // where on the server: never said
        o.put("store_problem", st.problem());
        o.put("energy_j", LiveMachine.totalJoules(s.reading()));
        return o;
    }

    private volatile RenderedRuns renderedRuns = new RenderedRuns(null, null);

    private record RenderedRuns(StoreView.Snapshot from, byte[] body) {
    }

    /** The runs list, serialised once per store snapshot (re-read once a second), not once per request. */
    private byte[] runsBody() throws IOException {
        StoreView.Snapshot now = store.snapshot();
        RenderedRuns last = renderedRuns;
        if (last.from() == now) return last.body();
        byte[] body = Exchanges.JSON.writeValueAsBytes(runs(now));
        renderedRuns = new RenderedRuns(now, body);
        return body;
    }

    ObjectNode runs(StoreView.Snapshot st) {
        ObjectNode o = Exchanges.JSON.createObjectNode();
        o.put("read_at", st.readAt() == null ? null : st.readAt().toString());
        o.set("runs", RunJson.list(st.runs()));
        return o;
    }

    private volatile RenderedFrontier renderedFrontier = new RenderedFrontier(null, null);

    private record RenderedFrontier(StoreView.Snapshot from, ObjectNode body) {
    }

    /** {@code ?quality=KEY} of {@code /api/frontier}: null when absent; 400 for any other parameter or a malformed key. */
    static String frontierQuality(java.net.URI uri) {
        String q = uri.getRawQuery();
        if (q == null || q.isEmpty()) return null;
        String key = null;
        for (String part : q.split("&", -1)) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            if (!name.equals("quality") || eq < 0 || key != null) {
                throw new HttpError(400, "/api/frontier takes one parameter, quality=KEY (a tag or label holding quality, higher is better), "
                        + "got '" + Exchanges.scrub(part.length() > 40 ? part.substring(0, 40) + "..." : part) + "'");
            }
            try {
                key = java.net.URLDecoder.decode(part.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new HttpError(400, "quality=KEY is not URL-encoded properly: " + e.getMessage());
            }
        }
        try {
            return RunsFrontier.qualityKey(key);
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, e.getMessage());
        }
    }

    /** The Tune panel's frontier over the store's runs, computed once per store snapshot. */
    ObjectNode frontier() {
        return frontier(null);
    }

    /** As {@link #frontier()}, over quality from the tag or label {@code quality} as well when not null (not cached). */
    ObjectNode frontier(String quality) {
        if (quality != null) return RunsFrontier.of(store.snapshot().runs(), quality);
        StoreView.Snapshot now = store.snapshot();
        RenderedFrontier last = renderedFrontier;
        if (last.from() == now) return last.body();
        ObjectNode body = RunsFrontier.of(now.runs());
        renderedFrontier = new RenderedFrontier(now, body);
        return body;
    }

    /** Answers a POST endpoint's body in process (the dashboard's first paint), as the HTTP route would. */
    JsonNode post(String path, JsonNode body) {
        PostEndpoint p = posts.get(path);
        if (p == null) throw new IllegalArgumentException("no POST endpoint " + path);
        return p.answer(body);
    }

    StoreView store() {
        return store;
    }

    ObjectNode run(String id) {
        if (!RUN_ID.matcher(id).matches()) throw new HttpError(400, "not a run id: use letters, digits, '.', '_' and '-' (at most 80)");
        try {
            RunRecord r = store.find(id).orElseThrow(() -> new HttpError(404, "no run " + id + " in the store"));
            ObjectNode o = RunJson.full(r);
            ArrayNode arr = o.putArray("samples");
            for (StoredSample s : store.samples(r.runId(), r.samples(), MAX_RUN_SAMPLES)) {
                ObjectNode n = arr.addObject();
                n.put("time", s.wallTime().toString());
                n.put("interval_s", s.intervalSeconds());
                n.put("total_w", s.totalWatts());
                ObjectNode by = n.putObject("by_component_w");
                s.wattsByComponent().forEach(by::put);
                n.put("gap", s.gap());
            }
            return o;
        } catch (StoreException e) {
            throw new HttpError(e.getMessage().contains("ambiguous") ? 400 : 503, e.getMessage());
        }
    }

    private ObjectNode devices() {
        ObjectNode o = Exchanges.JSON.createObjectNode();
        ArrayNode arr = o.putArray("devices");
        for (DeviceInfo d : devices) arr.add(Exchanges.JSON.valueToTree(DevicesText.json(d))); // as `wattiq devices --json`
        ArrayNode counters = o.putArray("counters");
        for (EnergyCounter c : live.snapshot().reading().counters()) {
            ObjectNode n = counters.addObject();
            n.put("component", c.component());
            n.put("device", c.device());
            n.put("energy_j", c.attributedJoules());
            n.put("method", c.method().label());
        }
        return o;
    }

    ObjectNode liveJson() {
        LiveMachine.Snapshot s = live.snapshot();
        ObjectNode o = Exchanges.JSON.createObjectNode();
        o.put("energy_j", LiveMachine.totalJoules(s.reading()));
        LiveMachine.Costs k = s.costs();
        o.put("cost", k.cost());
        o.put("currency", k.currency());
        o.put("co2e_location_g", k.co2eLocationGrams());
        o.put("co2e_market_g", k.co2eMarketGrams());
        ArrayNode arr = o.putArray("samples");
        for (PowerSample p : s.recent()) {
            ObjectNode n = arr.addObject();
            n.put("time", p.wallTime().toString());
            n.put("total_w", p.totalWatts());
            ObjectNode by = n.putObject("by_component_w");
            p.wattsByComponent().forEach(by::put);
            n.put("gap", p.gap());
        }
        return o;
    }
}
