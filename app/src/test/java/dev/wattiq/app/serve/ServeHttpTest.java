package dev.wattiq.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wattiq.app.cli.Cli;
import dev.wattiq.app.cli.CliJvm;
import dev.wattiq.app.cli.Main;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server on a free port, real HTTP requests: every endpoint, malformed and oversize requests, traversal. */
class ServeHttpTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static ServeProcess serve;
    static String runId;

    @BeforeAll
    static void start() throws Exception {
        Path home = dir.resolve("home");
        Path sysfs = ServeProcess.fakeRapl(dir, 1_000_000);
        Cli.Result r = Cli.run(home, "run", "--job", "j-http", "--interval", "10ms", "--json-out", dir.resolve("run.json").toString(),
                "--", "sleep", "0.3");
        assertThat(r.exitCode()).as(r.err()).isZero();
        runId = JSON.readTree(dir.resolve("run.json").toFile()).get("run_id").asText();
        serve = ServeProcess.start(home, sysfs);
    }

    @AfterAll
    static void stop() throws Exception {
        if (serve != null) serve.close();
    }

    @Test
    void metricsReportTheCounterDeltaInJoules() throws Exception {
        ServeProcess.setEnergy(serve.sysfs, 1_000_000 + 42_500_000); // +42.5 J on package 0
        ServeProcess.eventually(Duration.ofSeconds(10), () -> serve.get("/metrics").body()
                .contains("wattiq_energy_joules_total{component=\"cpu_package\",device=\"package-0\"} 42.5"));
        HttpResponse<String> m = serve.get("/metrics");
        assertThat(m.statusCode()).isEqualTo(200);
        assertThat(m.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        assertThat(m.body()).contains("# TYPE wattiq_energy_joules_total counter", "# TYPE wattiq_power_watts gauge",
                "wattiq_sensor_up{sensor=\"rapl\"} 1", "wattiq_co2e_grams_total{basis=\"location\"}", "wattiq_co2e_grams_total{basis=\"market\"}",
                "wattiq_cost_total{currency=\"USD\"}", "wattiq_power_watts{component=\"cpu_package\"}");
    }

    @Test
    void runsInProgressHaveSeriesAndTheGrafanaDashboardUsesRealNames() throws Exception {
        Process run = CliJvm.builder(dir.resolve("home"), "run", "--job", "live-job", "--interval", "50ms", "--", "sleep", "30")
                .redirectErrorStream(true).redirectOutput(dir.resolve("live-run.log").toFile()).start();
        try {
            ServeProcess.eventually(Duration.ofSeconds(30), () -> {
                String body = serve.get("/metrics").body();
                return body.contains("wattiq_job_energy_joules_total{job=\"live-job\"}") && body.contains("wattiq_runs_in_progress 1.0")
                        && java.util.regex.Pattern.compile("wattiq_run_energy_joules_total\\{host=\"[^\"]*\",job=\"live-job\",run_id=\"[^\"]+\"}")
                        .matcher(body).find();
            });
            String metrics = serve.get("/metrics").body();
            Path deploy = Path.of(System.getProperty("user.dir")).getParent().resolve("deploy");
            String grafana = Files.readString(deploy.resolve("grafana/wattiq-dashboard.json"));
            java.util.regex.Matcher names = java.util.regex.Pattern.compile("wattiq_[a-z0-9_]+").matcher(grafana);
            int count = 0;
            while (names.find()) {
                assertThat(metrics).as("Grafana uses " + names.group()).contains("# TYPE " + names.group() + " ");
                count++;
            }
            assertThat(count).isGreaterThan(8);
        } finally {
            run.destroy();
            run.waitFor();
        }
    }

    @Test
    void windowsAndWorkOfARunInProgressAreInMetricsAndTheApi() throws Exception {
        Path python = dev.wattiq.app.cli.External.require("/usr/bin/python3", "python3");
        Path client = Path.of(System.getProperty("user.dir")).getParent().resolve("clients/python");
        Path release = dir.resolve("release-windows-run");
        String script = "import os, time, wattiq\n"
                + "with wattiq.window('warm-up'):\n    time.sleep(0.05)\n    wattiq.step(5, samples=40, tokens=640)\n"
                + "wattiq.flush()\n"
                + "while not os.path.exists(" + JSON.writeValueAsString(release.toString()) + "): time.sleep(0.05)\n";
        Process run = CliJvm.builder(dir.resolve("home"), "run", "--job", "windows-job", "--interval", "50ms", "--", "env",
                "PYTHONPATH=" + client, python.toString(), "-c", script)
                .redirectErrorStream(true).redirectOutput(dir.resolve("windows-run.log").toFile()).start();
        try {
            java.util.regex.Pattern window = java.util.regex.Pattern.compile(
                    "wattiq_run_window_energy_joules\\{host=\"[^\"]*\",index=\"0\",job=\"windows-job\",run_id=\"([^\"]+)\",window=\"warm-up\"} [0-9.eE+-]+");
            ServeProcess.eventually(Duration.ofSeconds(40), () -> {
                String body = serve.get("/metrics").body();
                return window.matcher(body).find() && body.contains("unit=\"tokens\"} 640.0");
            });
            String metrics = serve.get("/metrics").body();
            assertThat(metrics).contains("# TYPE wattiq_run_window_energy_joules gauge", "# TYPE wattiq_run_work_total counter")
                    .containsPattern("wattiq_run_work_total\\{[^}]*job=\"windows-job\"[^}]*unit=\"steps\"} 5.0");
            java.util.regex.Matcher m = window.matcher(metrics);
            assertThat(m.find()).isTrue();
            JsonNode live = JSON.readTree(serve.get("/api/runs/" + m.group(1)).body());
            assertThat(live.get("status").asText()).isEqualTo("running");
            assertThat(live.at("/windows/0/name").asText()).isEqualTo("warm-up");
            assertThat(live.at("/work/tokens").asInt()).isEqualTo(640);
            JsonNode listed = JSON.readTree(serve.get("/api/runs").body()).get("runs");
            for (JsonNode r : listed) {
                if (r.get("run_id").asText().equals(m.group(1))) assertThat(r.at("/work/samples").asInt()).isEqualTo(40);
            }
        } finally {
            Files.writeString(release, "");
            run.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            run.destroy();
        }
    }

    @Test
    void healthRunsRunAndDevicesAreJson() throws Exception {
        JsonNode h = JSON.readTree(serve.get("/api/health").body());
        assertThat(h.get("status").asText()).isEqualTo("ok");
        assertThat(h.get("sensors").toString()).contains("rapl");
        JsonNode runs = JSON.readTree(serve.get("/api/runs").body()).get("runs");
        assertThat(runs.findValuesAsText("run_id")).contains(runId);
        HttpResponse<String> one = serve.get("/api/runs/" + runId);
        assertThat(one.statusCode()).isEqualTo(200);
        JsonNode run = JSON.readTree(one.body());
        assertThat(run.get("job").asText()).isEqualTo("j-http");
        assertThat(run.get("samples").size()).isGreaterThan(3);
        assertThat(run.get("samples").get(0).has("by_component_w")).isTrue();
        JsonNode dev = JSON.readTree(serve.get("/api/devices").body());
        assertThat(dev.get("counters").get(0).get("component").asText()).isEqualTo("cpu_package");
        JsonNode live = JSON.readTree(serve.get("/api/live").body());
        assertThat(live.get("samples").size()).isPositive();
    }

    @Test
    void apiDevicesHaveTheShapeOfTheDevicesCommand() throws Exception {
        JsonNode api = JSON.readTree(serve.get("/api/devices").body()).get("devices");
        Cli.Result r = Cli.run(dir.resolve("home"), "devices", "--json", "--sysfs-root", serve.sysfs.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode cli = JSON.readTree(r.out()).get("devices");
        assertThat(api.size()).isPositive().isEqualTo(cli.size());
        for (int i = 0; i < cli.size(); i++) {
            java.util.List<String> keys = new java.util.ArrayList<>();
            cli.get(i).fieldNames().forEachRemaining(keys::add);
            java.util.List<String> apiKeys = new java.util.ArrayList<>();
            api.get(i).fieldNames().forEachRemaining(apiKeys::add);
            assertThat(apiKeys).as("device %d's keys", i).containsExactlyElementsOf(keys);
            for (String k : new String[] {"kind", "index", "name", "uuid", "energy_source", "reason"}) {
                assertThat(api.get(i).get(k)).as(k).isEqualTo(cli.get(i).get(k));
            }
        }
    }

    @Test
    void unknownPathsMethodsAndIdsAreJsonErrors() throws Exception {
        assertError(serve.get("/api/nope"), 404);
        assertError(serve.get("/api/runs/zzz-no-such-run"), 404);
        assertError(serve.get("/api/runs/bad%20id%3B"), 400);
        assertError(serve.post("/api/runs", "{}"), 405);
        assertError(serve.post("/metrics", "{}"), 405);
        assertError(serve.get("/api/plan/train"), 405);
    }

    @Test
    void staticFilesCannotBeEscaped() throws Exception {
        assertThat(serve.get("/").body()).contains("<canvas id=\"live-chart\">");
        assertThat(serve.get("/vendor/chart.umd.min.js").body()).contains("Chart");
        for (String path : new String[] {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/app.js/../../pom.xml", "/..%2f..%2fetc%2fpasswd",
                "/vendor/../../../../etc/passwd", "/dev/wattiq/app/cli/Main.class", "//etc/passwd", "/index.html%00.js"}) {
            String reply = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(reply).as(path).doesNotStartWith("HTTP/1.1 200").doesNotContain("root:x:0:0");
        }
    }

    @Test
    void malformedOversizeAndUnknownBodiesAre4xx() throws Exception {
        assertError(serve.post("/api/plan/train", "{not json"), 400);
        assertError(serve.post("/api/plan/train", "[1,2]"), 400);
        assertError(serve.post("/api/plan/train", ""), 400);
        assertError(serve.post("/api/plan/train", "{\"hardware\": {\"x\": 1}}"), 400);
        assertError(serve.post("/api/plan/train", "{\"rm_rf\": true}"), 400);
        assertError(serve.post("/api/plan/train", "{\"params\": \"7B\", \"tokens\": \"1T\", \"hardware\": \"no-such-gpu\"}"), 400);
        // the planner's messages name the request's fields as the JSON names them, never the CLI's flags
        HttpResponse<String> badMfu = serve.post("/api/plan/train", "{\"params\": \"7B\", \"tokens\": \"1T\", \"hardware\": \"H100-SXM\", \"mfu\": 2}");
        assertError(badMfu, 400);
        assertThat(JSON.readTree(badMfu.body()).get("error").asText()).contains("mfu must be a fraction in (0, 1]").doesNotContain("--");
        HttpResponse<String> unknown = serve.post("/api/plan/train", "{\"params\": \"7B\", \"tokens\": \"1T\", \"hardware\": \"no-such-gpu\"}");
        assertThat(JSON.readTree(unknown.body()).get("error").asText()).contains("hardware.csv").contains("hardware_file FILE").doesNotContain("--");
        String big = "{\"params\": \"" + "7".repeat(100_000) + "\"}";
        assertError(serve.post("/api/plan/train", big), 413);
        HttpResponse<String> wrongType = serve.http.send(java.net.http.HttpRequest.newBuilder(URI.create(serve.base + "/api/plan/train"))
                .header("Content-Type", "text/plain").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertError(wrongType, 415);
        // a lying Content-Length is refused before the body is read
        String reply = raw("POST /api/plan/train HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 99999999\r\n"
                + "Connection: close\r\n\r\n{}");
        assertThat(reply).startsWith("HTTP/1.1 413").contains("\"status\":413");
    }

    @Test
    void postEndpointsAnswerWithTheCommandsJson() throws Exception {
        HttpResponse<String> plan = serve.post("/api/plan/train",
                "{\"params\": \"7B\", \"tokens\": \"140B\", \"hardware\": \"H100-SXM\", \"devices\": 64, \"region\": \"FR\"}");
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
        JsonNode p = JSON.readTree(plan.body());
        assertThat(p.get("devices").asInt()).isEqualTo(64);
        assertThat(p.get("flops").asDouble()).isCloseTo(6 * 7e9 * 140e9, org.assertj.core.data.Percentage.withPercentage(1));
        HttpResponse<String> infer = serve.post("/api/plan/infer", "{\"params\": \"8B\", \"hardware\": \"H100-SXM\"}");
        assertThat(infer.statusCode()).as(infer.body()).isEqualTo(200);
        String csv = Files.readString(Path.of(System.getProperty("user.dir")).getParent().resolve("examples/tune-points.csv"));
        HttpResponse<String> tune = serve.post("/api/tune/points", JSON.createObjectNode().put("points_csv", csv)
                .put("objectives", "energy_j:min,accuracy:max").toString());
        assertThat(tune.statusCode()).as(tune.body()).isEqualTo(200);
        assertThat(JSON.readTree(tune.body()).get("frontier").size()).isPositive();
        String series = Files.readString(Path.of(System.getProperty("user.dir")).getParent().resolve("examples/schedule-series.csv"));
        HttpResponse<String> sched = serve.post("/api/schedule", JSON.createObjectNode().put("series_csv", series).put("duration", 3)
                .put("power_kw", 10).put("deadline", "2025-06-03T23:00Z").toString());
        assertThat(sched.statusCode()).as(sched.body()).isEqualTo(200);
        assertError(serve.post("/api/schedule", JSON.createObjectNode().put("series_csv", "garbage").put("duration", 3).put("power_kw", 10)
                .put("deadline", "2025-06-03T23:00Z").toString()), 400);
    }

    static void assertError(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode e = JSON.readTree(r.body());
        assertThat(e.get("status").asInt()).isEqualTo(status);
        assertThat(e.get("error").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
    }

    static String raw(String request) throws Exception {
        return serve.raw(request, java.time.Duration.ofSeconds(3));
    }
}
