package dev.wattiq.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wattiq.app.cli.Cli;
import dev.wattiq.app.output.Json;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the dashboard is given: /api/runs items that say what ran (command, job, labels) and what it cost, the frontier
 * over the runs that have energy and duration only, and the page at / with that data embedded (not behind a token).
 */
class DashboardDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BLOCK = Pattern.compile("<script type=\"application/json\" id=\"initial-data\">(.*?)</script>", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void runsCarryJobLabelsCommandAndCostAndTheFrontierLeavesOutRunsWithoutEnergy() throws Exception {
        Path home = dir.resolve("home");
        Cli.Result busy = Cli.run(home, "run", "--interval", "20ms", "--job", "sweep-7", "--label", "lr=0.01", "--label", "model=tiny", "--",
                "timeout", "0.8", "sh", "-c", "while :; do :; done");
        assertThat(busy.exitCode()).as(busy.err()).isEqualTo(124);
        Cli.Result busier = Cli.run(home, "run", "--interval", "20ms", "--", "timeout", "1.2", "sh", "-c", "while :; do :; done");
        assertThat(busier.exitCode()).as(busier.err()).isEqualTo(124);
        // a run charged nothing (it ended before its sensors opened)
        dev.wattiq.app.store.StoredRuns.chargedNothing(home, "tiny-run");

        try (ServeProcess serve = ServeProcess.onFakeRapl(dir, 0)) {
            JsonNode runs = JSON.readTree(serve.get("/api/runs").body()).get("runs");
            assertThat(runs).hasSize(3);
            JsonNode sweep = null;
            for (JsonNode r : runs) if ("sweep-7".equals(r.path("job").asText(null))) sweep = r;
            assertThat(sweep).as("the run with --job sweep-7 in " + runs).isNotNull();
            assertThat(sweep.get("labels").get("lr").asText()).isEqualTo("0.01");
            assertThat(sweep.get("labels").get("model").asText()).isEqualTo("tiny");
            assertThat(sweep.get("command").get(0).asText()).isEqualTo("timeout");
            assertThat(sweep.get("cost").get("amount").asDouble()).isPositive();
            assertThat(sweep.get("cost").get("currency").asText()).isEqualTo("USD");
            assertThat(sweep.get("co2e_kg").get("location_based").asDouble()).isPositive();
            JsonNode newest = runs.get(0);
            assertThat(newest.get("command").get(0).asText()).isEqualTo("true");
            assertThat(newest.get("job").isNull()).isTrue();
            assertThat(newest.get("labels").size()).isZero();

            JsonNode frontier = JSON.readTree(serve.get("/api/frontier").body());
            assertThat(frontier.get("runs_considered").asInt()).isEqualTo(3);
            assertThat(frontier.get("runs_used").asInt()).isEqualTo(2);
            assertThat(frontier.get("left_out").asInt()).isEqualTo(1);
            for (JsonNode p : frontier.get("points")) assertThat(p.get("energy_j").asDouble()).isPositive();
            assertThat(frontier.get("recommended").get("command").asText()).startsWith("timeout ");
            assertThat(newest.get("too_short").asBoolean()).as("true ends before its sensors open").isTrue();

            // quality attached after the fact: only the tagged runs take part, the too-short one never
            String busyId = sweep.get("run_id").asText();
            assertThat(Cli.run(home, "runs", "tag", busyId, "accuracy=0.9").exitCode()).isZero();
            assertThat(Cli.run(home, "runs", "tag", newest.get("run_id").asText(), "accuracy=0.99").exitCode()).isZero();
            ServeProcess.eventually(java.time.Duration.ofSeconds(10), () -> {
                try {
                    JsonNode q = JSON.readTree(serve.get("/api/frontier?quality=accuracy").body());
                    return q.get("runs_used").asInt() == 1 && q.get("left_out").asInt() == 2
                            && q.get("objectives").asText().equals("energy_j:min,duration_s:min,quality:max")
                            && q.get("points").get(0).get("run_id").asText().equals(busyId)
                            && q.get("points").get(0).get("quality").asDouble() == 0.9;
                } catch (Exception e) {
                    return false;
                }
            });
            for (String bad : new String[] {"?quality=", "?quality=a%20b", "?quality=a%2Fb", "?other=1", "?quality=a&quality=b"}) {
                HttpResponse<String> b = serve.get("/api/frontier" + bad);
                assertThat(b.statusCode()).as(bad + ": " + b.body()).isEqualTo(400);
                assertThat(b.body()).doesNotContain("\n\t");
            }

            ServeProcess.eventually(java.time.Duration.ofSeconds(10), () -> serve.stderr.toString()
                    .contains("wattiq serve: open " + serve.base + "/ in a browser for the dashboard (Ctrl-C stops)"));
            HttpResponse<String> page = serve.get("/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(StaticFiles.CSP + "; frame-ancestors 'none'");
            assertThat(serve.get("/app.js").headers().firstValue("Content-Security-Policy")).hasValue(StaticFiles.CSP + "; frame-ancestors 'none'");
            Matcher m = BLOCK.matcher(page.body());
            assertThat(m.find()).as("the page embeds its first data").isTrue();
            JsonNode data = JSON.readTree(m.group(1));
            assertThat(data.get("runs").get("runs")).hasSize(3);
            assertThat(data.get("run").get("samples").size()).as("the run shown first has a timeline").isGreaterThan(1);
            assertThat(data.get("frontier").get("runs_used").asInt()).isEqualTo(2);
            assertThat(data.get("plan").get("request").get("hardware").asText()).isEqualTo("H100-SXM");
            assertThat(data.get("plan").get("answer").get("devices").asInt()).isEqualTo(64);
            assertThat(data.get("health").get("host").asText()).isNotBlank();
        }
    }

    @Test
    void behindATokenThePageCarriesNoData() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "s3cret-token-0123456789\n");
        try (ServeProcess serve = ServeProcess.onFakeRapl(dir, 0, "--token-file", token.toString())) {
            HttpResponse<String> page = serve.get("/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<table id=\"runs\">").doesNotContain("initial-data").doesNotContain(Dashboard.MARKER);
        }
    }

    @Test
    void theFormsDefaultsAreThePlanRequest() {
        ObjectNode o = Dashboard.planDefaults("<form id=\"plan-form\"><input name=\"params\" value=\"7B\"><input name=\"devices\" value=\"64\"></form>");
        assertThat(o.get("params").asText()).isEqualTo("7B");
        assertThat(o.get("devices").isNumber()).isTrue();
        assertThat(o.get("devices").asInt()).isEqualTo(64);
    }

    @Property(tries = 300)
    void theDataBlockCannotCloseItsScriptAndReadsBackTheSame(@ForAll String label) throws Exception {
        ObjectNode data = Json.object();
        data.put("label", label + "</script><script>alert(1)</script>&amp;");
        String block = Dashboard.dataBlock(data);
        assertThat(block).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        assertThat(JSON.readTree(block)).isEqualTo(data);
    }
}
