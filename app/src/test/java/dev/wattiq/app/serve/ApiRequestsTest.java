package dev.wattiq.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wattiq.app.cli.Cli;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every POST endpoint of a real server against its CLI command: the same inputs give the same JSON as the command's
 * {@code --json-out}; fields that name CLI options or paths are refused with 400, no file is created (the server's
 * temporary directory and the named paths are watched) and nothing outside the request is read; wrong types are 400s
 * naming the field and the type expected.
 */
class ApiRequestsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path EXAMPLES = Path.of(System.getProperty("user.dir")).getParent().resolve("examples");
    @TempDir
    static Path dir;
    static Path serverTmp;
    static ServeProcess serve;

    /** One endpoint: a valid body, and the CLI arguments (without --json-out) that say the same. */
    record Endpoint(String path, ObjectNode body, List<String> cli) {
    }

    static List<Endpoint> endpoints() throws Exception {
        Path points = EXAMPLES.resolve("tune-points.csv");
        Path series = EXAMPLES.resolve("schedule-series.csv");
        return List.of(
                new Endpoint("/api/plan/train", JSON.createObjectNode().put("params", "7B").put("tokens", "140B").put("hardware", "H100-SXM")
                        .put("devices", 64).put("mfu", 0.4).put("tp", 2).put("recompute", true).put("region", "FR").put("pue", 1.2)
                        .put("start", "2025-01-01T00:00Z"),
                        List.of("plan", "train", "--params", "7B", "--tokens", "140B", "--hardware", "H100-SXM", "--devices", "64", "--mfu", "0.4",
                                "--tp", "2", "--recompute", "--region", "FR", "--pue", "1.2", "--start", "2025-01-01T00:00Z")),
                new Endpoint("/api/plan/infer", JSON.createObjectNode().put("model", "llama-3-70b").put("hardware", "H100-SXM").put("devices", 4)
                        .put("batch", 64).put("requests_per_day", "1M").put("embodied", true).put("start", "2025-03-01T00:00+01:00"),
                        List.of("plan", "infer", "--model", "llama-3-70b", "--hardware", "H100-SXM", "--devices", "4", "--batch", "64",
                                "--requests-per-day", "1M", "--embodied", "--start", "2025-03-01T00:00+01:00")),
                new Endpoint("/api/tune/points", JSON.createObjectNode().put("points_csv", Files.readString(points))
                        .put("objectives", "energy_j:min,accuracy:max").set("where", JSON.createArrayNode().add("accuracy>=0.9")),
                        List.of("tune", "points", "--input", points.toString(), "--objectives", "energy_j:min,accuracy:max", "--where", "accuracy>=0.9")),
                new Endpoint("/api/schedule", JSON.createObjectNode().put("series_csv", Files.readString(series)).put("duration", 3)
                        .put("power_kw", 10).put("deadline", "2025-06-03T23:00Z").put("objective", "weighted").put("weight", 0.3)
                        .put("regions", "FR,DE"),
                        List.of("schedule", "--series", series.toString(), "--duration", "3", "--power-kw", "10", "--deadline", "2025-06-03T23:00Z",
                                "--objective", "weighted", "--weight", "0.3", "--regions", "FR,DE")));
    }

    @BeforeAll
    static void start() throws Exception {
        serverTmp = Files.createDirectories(dir.resolve("server-tmp"));
        serve = ServeProcess.onFakeRapl(dir, 1_000_000,
                Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + serverTmp));
    }

    @AfterAll
    static void stop() throws Exception {
        if (serve != null) serve.close();
    }

    @Test
    void everyEndpointAnswersWithTheJsonItsCommandWrites() throws Exception {
        List<String> paths = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            HttpResponse<String> r = serve.post(e.path(), e.body().toString());
            assertThat(r.statusCode()).as(e.path() + ": " + r.body()).isEqualTo(200);
            JsonNode api = JSON.readTree(r.body());
            Path out = dir.resolve("cli-" + paths.size() + ".json");
            List<String> args = new ArrayList<>(e.cli());
            args.addAll(List.of("--json-out", out.toString()));
            Cli.Result c = Cli.run(dir.resolve("cli-home"), args.toArray(String[]::new));
            assertThat(c.exitCode()).as(e.path() + ": " + c.err()).isZero();
            JsonNode cli = JSON.readTree(out.toFile());
            if (e.path().equals("/api/tune/points")) {
                // the one field that names where the table came from: the file given, or the body field that held it
                assertThat(cli.get("input").asText()).isEqualTo(e.cli().get(3));
                assertThat(api.get("input").asText()).isEqualTo("points_csv");
                ((ObjectNode) cli).put("input", "points_csv");
            }
            assertThat(api).as(e.path()).isEqualTo(cli);
            assertThat(api.size()).as(e.path()).isGreaterThan(4);
            paths.add(e.path());
        }
        assertThat(paths).containsExactlyInAnyOrderElementsOf(ServeEndpoints.all(dev.wattiq.meter.Clock.system()).keySet());
    }

    @Test
    void fieldsNamingOptionsOrPathsAreRefusedAndNothingIsWrittenOrRead() throws Exception {
        Path outputs = Files.createDirectories(dir.resolve("outputs"));
        Path siteFile = Files.writeString(outputs.resolve("site.yaml"), "region: SE\npue: 1.9\n");
        Path input = outputs.resolve("points.csv");
        Files.copy(EXAMPLES.resolve("tune-points.csv"), input);
        List<String> before = listing(serverTmp);
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            for (Path p : List.of(serverTmp, outputs)) {
                p.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            }
            for (Endpoint e : endpoints()) {
                Map<String, Object> bad = Map.of("json_out", outputs.resolve("answer.json").toString(), "site", siteFile.toString(),
                        "input", input.toString(), "--help", true, "carbon_series", siteFile.toString(), "series", input.toString(),
                        "json-out", outputs.resolve("answer2.json").toString());
                for (Map.Entry<String, Object> f : bad.entrySet()) {
                    ObjectNode body = e.body().deepCopy();
                    body.set(f.getKey(), JSON.valueToTree(f.getValue()));
                    HttpResponse<String> r = serve.post(e.path(), body.toString());
                    assertThat(r.statusCode()).as(e.path() + " + " + f.getKey() + ": " + r.body()).isEqualTo(400);
                    String error = JSON.readTree(r.body()).get("error").asText();
                    assertThat(error).as(e.path()).startsWith("unknown field '" + f.getKey() + "': allowed are ")
                            .doesNotContain("region: SE").doesNotContain("fp32-dense");
                }
            }
            assertThat(outputs.resolve("answer.json")).doesNotExist();
            assertThat(outputs.resolve("answer2.json")).doesNotExist();
            // every valid request once more: answering creates no file either (the old API wrote one per request)
            for (Endpoint e : endpoints()) assertThat(serve.post(e.path(), e.body().toString()).statusCode()).isEqualTo(200);
            List<String> events = new ArrayList<>();
            var key = watch.poll(500, TimeUnit.MILLISECONDS);
            while (key != null) {
                for (WatchEvent<?> ev : key.pollEvents()) events.add(ev.kind() + " " + ev.context());
                key.reset();
                key = watch.poll(200, TimeUnit.MILLISECONDS);
            }
            assertThat(events).as("files touched while answering").isEmpty();
        }
        assertThat(listing(serverTmp)).isEqualTo(before);
    }

    private static List<String> listing(Path d) throws java.io.IOException {
        try (var files = Files.list(d)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void wrongTypesAndMissingFieldsAre400sNamingTheFieldAndTheType() throws Exception {
        String[][] cases = { // endpoint, body, what the error says
                {"/api/plan/train", "{\"params\": \"7B\", \"tokens\": \"1T\", \"hardware\": \"H100\", \"devices\": \"many\"}", "'devices' must be a number or a size such as \"70B\", \"15T\", \"1.5M\", got \"many\""},
                {"/api/plan/train", "{\"params\": \"7B\", \"tokens\": \"1T\", \"hardware\": \"H100\", \"devices\": 2.5}", "devices must be a whole number >= 1, got 2.5"},
                {"/api/plan/train", "{\"params\": \"7B\", \"tokens\": \"1T\", \"hardware\": \"H100\", \"tp\": 1.5}", "'tp' must be a whole number, got a number"},
                {"/api/plan/train", "{\"params\": \"7B\", \"tokens\": \"1T\", \"hardware\": \"H100\", \"recompute\": \"yes\"}", "'recompute' must be true or false, got a string"},
                {"/api/plan/train", "{\"params\": \"7B\", \"tokens\": \"1T\", \"hardware\": \"H100\", \"mfu\": \"0.4\"}", "'mfu' must be a number, got a string"},
                {"/api/plan/train", "{\"params\": \"7B\", \"tokens\": \"1T\", \"hardware\": [\"H100\"]}", "'hardware' must be a string, got an array"},
                {"/api/plan/infer", "{\"params\": \"8B\", \"hardware\": \"H100-SXM\", \"start\": \"tomorrow\"}", "'start' must be a time: 'tomorrow' is not an ISO-8601 time with a UTC offset"},
                {"/api/plan/infer", "{\"params\": \"8B\", \"hardware\": \"H100-SXM\", \"region\": \"Atlantis\"}", "unknown region 'Atlantis'"},
                {"/api/tune/points", "{\"objectives\": \"energy_j:min\"}", "'points_csv' is required: a string holding the file's text (CSV)"},
                {"/api/tune/points", "{\"points_csv\": 7, \"objectives\": \"energy_j:min\"}", "'points_csv' must be a string holding the file's text (CSV), got a number"},
                {"/api/tune/points", "{\"points_csv\": \"name,energy_j\\na,1,2\\n\", \"objectives\": \"energy_j:min\"}", "points_csv"},
                {"/api/tune/points", "{\"points_csv\": \"name,e\\na,1\\n\", \"objectives\": \"e:min\", \"where\": {\"e\": 1}}", "'where' must be an array of at most 100 strings (or one comma-separated string), got an object"},
                {"/api/schedule", "{\"series_csv\": \"x\", \"power_kw\": 1, \"deadline\": \"2025-06-03T23:00Z\"}", "'duration' is required: a number"},
                {"/api/schedule", "{\"series_csv\": \"x\", \"duration\": \"3h\", \"power_kw\": 1, \"deadline\": \"2025-06-03T23:00Z\"}", "'duration' must be a number, got a string"},
                {"/api/schedule", "{\"series_csv\": \"x\", \"duration\": 3, \"power_kw\": 1, \"deadline\": \"2025-06-03T23:00\"}", "UTC offset"},
        };
        for (String[] c : cases) assertError(c[0], c[1], c[2]);
    }

    private static void assertError(String path, String body, String message) throws Exception {
        HttpResponse<String> r = serve.post(path, body);
        assertThat(r.statusCode()).as(path + " " + body + ": " + r.body()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("error").asText()).as(path + " " + body).contains(message).doesNotContain("Exception");
    }
}
