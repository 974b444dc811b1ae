package dev.wattiq.app.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.wattiq.app.output.Json;
import dev.wattiq.app.store.RunRecord;
import dev.wattiq.meter.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's page ({@code /}): index.html with its first data embedded, so every panel is drawn by the time the
 * page has loaded (no blank panels while scripts fetch), and app.js then keeps it live through the JSON API. The data
 * is what the API answers ({@code /api/health}, {@code /api/runs}, {@code /api/live}, the newest run with its samples,
 * {@code /api/frontier}, and the plan form's default request through {@code /api/plan/train}), in a
 * {@code <script type="application/json">} block: data, not code, so the page's Content-Security-Policy still allows
 * no inline script. The block holds no {@code <}, so no value can close it.
 */
final class Dashboard {
    static final String MARKER = "<!-- wattiq:initial-data -->";
    private static final Pattern PLAN_INPUT = Pattern.compile("<input name=\"([a-z_]+)\" value=\"([^\"]*)\">");

    private final ApiHandler api;
    private final String before;
    private final String after;
    private final ObjectNode planRequest;
    private final boolean embed;

    /** @param embed whether the page carries its first data (not behind a bearer token, which a page load cannot send) */
    Dashboard(ApiHandler api, boolean embed) {
        this.api = api;
        this.embed = embed;
        String page = load("/dev/wattiq/app/serve/static/index.html");
        int at = page.indexOf(MARKER);
        if (at < 0) throw new IllegalStateException("index.html lacks " + MARKER + ": rebuild wattiq (mvn package)");
        before = page.substring(0, at);
        after = page.substring(at + MARKER.length());
        planRequest = planDefaults(page);
    }

    /** The plan form's default values as the request app.js posts (devices as a number), read from the page's inputs. */
    static ObjectNode planDefaults(String page) {
        ObjectNode o = Json.object();
        int form = page.indexOf("<form id=\"plan-form\">");
        Matcher m = PLAN_INPUT.matcher(page.substring(form, page.indexOf("</form>", form)));
        while (m.find()) {
            if (m.group(1).equals("devices")) o.put("devices", Double.parseDouble(m.group(2)));
            else o.put(m.group(1), m.group(2));
        }
        return o;
    }

    void handle(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Security-Policy", StaticFiles.CSP);
        Exchanges.send(ex, 200, "text/html; charset=utf-8", render().getBytes(StandardCharsets.UTF_8));
    }

    String render() {
        if (!embed) return before + after;
        return before + "<script type=\"application/json\" id=\"initial-data\">" + dataBlock(initialData()) + "</script>" + after;
    }

    ObjectNode initialData() {
        ObjectNode o = Json.object();
        o.set("health", api.health());
        StoreView.Snapshot st = api.store().snapshot();
        o.set("runs", api.runs(st));
        o.set("live", api.liveJson());
        RunRecord shown = shownRun(st.runs());
        o.putNull("run");
        if (shown != null) {
            try {
                o.set("run", api.run(shown.runId()));
            } catch (HttpError e) {
                // the run went away between the list and the read: the panel says there is none
            }
        }
        o.set("frontier", api.frontier());
        ObjectNode plan = o.putObject("plan");
        plan.set("request", planRequest);
        try {
            plan.set("answer", api.post("/api/plan/train", planRequest));
        } catch (UserInputException | HttpError e) {
            plan.put("error", e.getMessage());
        }
        return o;
    }

    /**
     * The run whose power the page shows first: the newest with energy and a timeline (two samples or more), else the
     * newest (app.js's {@code firstShown} picks the same way).
     */
    static RunRecord shownRun(List<RunRecord> runs) {
        for (RunRecord r : runs) if (r.samples() >= 2 && RunsFrontier.hasValues(r)) return r;
        return runs.isEmpty() ? null : runs.getFirst();
    }

    /** JSON that can sit inside a script element: '<', '>' and '&' (only ever inside strings) as escapes. */
    static String dataBlock(ObjectNode data) {
        try {
            return Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(data)
                    .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the dashboard's data: " + e.getMessage(), e);
        }
    }

    private static String load(String resource) {
        try (InputStream in = Dashboard.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("resource " + resource + " is missing: rebuild wattiq (mvn package)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
