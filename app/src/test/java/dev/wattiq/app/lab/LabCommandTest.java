package dev.wattiq.app.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wattiq.app.cli.Cli;
import dev.wattiq.app.store.SqliteRunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wattiq lab ...} and {@code wattiq demo} end to end, on small sizes, with the real meter and ledger. */
class LabCommandTest {
    static final String[] SMALL = {"--steps", "20", "--width", "64", "--batch", "12", "--workers", "2"};
    static final ObjectMapper JSON = new ObjectMapper();

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        Cli.Result r = Cli.run(args);
        return new Result(r.exitCode(), r.out(), r.err());
    }

    static String[] args(String... head) {
        List<String> a = new ArrayList<>(List.of(head));
        a.addAll(List.of(SMALL));
        return a.toArray(String[]::new);
    }

    @Test
    void seedWritesLoopTimeLossAndEnergy(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("seed.json");
        Result r = run(args("lab", "seed", "--no-store", "--json-out", json.toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("seed").contains("step_us");
        JsonNode n = JSON.readTree(json.toFile());
        assertThat(n.get("experiment").asText()).isEqualTo("seed");
        assertThat(n.get("loop_s").asDouble()).isPositive();
        assertThat(n.get("final_loss").asDouble()).isBetween(0.3, 5.0); // random targets of unit variance
        assertThat(n.has("energy_j")).isTrue();
        assertThat(n.get("trials").get(0).get("figures").get("rng_us_per_step").asDouble()).isPositive();
    }

    @Test
    void qualityAndPrecisionReportQualityFigures(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("p.json");
        Result r = run(args("lab", "precision", "--no-store", "--json-out", json.toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = JSON.readTree(json.toFile());
        assertThat(n.get("trials")).hasSize(3);
        for (JsonNode t : n.get("trials")) {
            assertThat(t.get("quality_figures").get("r2").isNumber()).isTrue();
            assertThat(t.get("quality_figures").get("noise_floor_mse").asDouble()).isEqualTo(0.01, org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(n.get("trials").get(2).get("config").get("precision").asText()).isEqualTo("fp16");
    }

    @Test
    void pruneAndParallelProduceEveryTrial(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("prune.json");
        assertThat(run(args("lab", "prune", "--no-store", "--json-out", json.toString())).exit()).isZero();
        JsonNode n = JSON.readTree(json.toFile());
        assertThat(n.get("trials")).hasSize(13);
        assertThat(n.get("trials").get(0).get("figures").has("sparse_kernel_step_us")).isTrue();
        Path par = dir.resolve("par.json");
        assertThat(run(args("lab", "parallel", "--no-store", "--json-out", par.toString())).exit()).isZero();
        JsonNode p = JSON.readTree(par.toFile());
        assertThat(p.get("trials")).hasSize(2);
        assertThat(p.get("trials").get(1).get("figures").get("sync_share").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void demoMarksTheFrontierAndOneRecommendation(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("demo.json");
        Path html = dir.resolve("demo.html");
        Result r = run(args("demo", "--no-store", "--json-out", json.toString(), "--html", html.toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Recommended: ").contains("<= recommended");
        // standard error is not a terminal here (a pipe to the test runner): a line per trial, no carriage returns
        assertThat(r.err()).contains("wattiq: quality done in ").doesNotContain("\r");
        JsonNode ex = JSON.readTree(json.toFile()).get("experiments");
        int recommended = 0, pareto = 0;
        for (JsonNode e : ex) {
            for (String k : List.of("name", "config", "duration_s", "energy_j", "cost", "co2e_kg", "quality", "pareto", "recommended")) {
                assertThat(e.has(k)).as("%s has %s", e.get("name"), k).isTrue();
            }
            if (e.get("recommended").asBoolean()) {
                recommended++;
                assertThat(e.get("pareto").asBoolean()).as("the recommendation is on the frontier").isTrue();
            }
            if (e.get("pareto").asBoolean()) pareto++;
        }
        assertThat(recommended).isEqualTo(1);
        assertThat(pareto).isPositive();
        assertThat(ex.get(0).get("name").asText()).isEqualTo("seed");
        List<String> names = new ArrayList<>();
        for (JsonNode e : ex) names.add(e.get("name").asText());
        assertThat(names).doesNotHaveDuplicates().doesNotContain("prune-l1-0"); // 0% pruning is the quality run itself
        JsonNode root = JSON.readTree(json.toFile());
        assertThat(root.get("repeats").asInt()).isEqualTo(3);
        assertThat(root.get("reason").asText()).contains("±").contains("noise");
        assertThat(ex.get(1).get("figures").get("energy_j_sd").isNumber()).isTrue();
        assertThat(ex.get(0).get("pareto").asBoolean()).as("the seed loop has no quality: never on the frontier").isFalse();
        String page = Files.readString(html);
        assertThat(page).contains("<svg").contains("<circle").contains("recommended").doesNotContain("<script").doesNotContain("src=\"http");
    }

    @Test
    void labRunsAreStored(@TempDir Path dir) throws Exception {
        String old = System.getProperty("wattiq.home");
        System.setProperty("wattiq.home", dir.toString());
        try {
            assertThat(run(args("lab", "precision")).exit()).isZero();
            try (var store = SqliteRunStore.open(dir)) {
                var runs = store.list(10);
                assertThat(runs).hasSize(3);
                assertThat(runs).allSatisfy(rr -> assertThat(rr.labels()).containsKey("experiment"));
                assertThat(runs).allSatisfy(rr -> assertThat(rr.command()).startsWith("wattiq", "lab", "precision"));
            }
        } finally {
            if (old == null) System.clearProperty("wattiq.home");
            else System.setProperty("wattiq.home", old);
        }
    }

    @Test
    void badInputIsOneLineWithTheFix(@TempDir Path dir) {
        Result steps = run("lab", "seed", "--no-store", "--steps", "0");
        assertThat(steps.exit()).isEqualTo(2);
        assertThat(steps.err().strip()).isEqualTo("wattiq: --steps must be at least 1, got 0");
        Result batch = run("lab", "quality", "--no-store", "--batch", "many");
        assertThat(batch.exit()).isEqualTo(2);
        assertThat(batch.err()).contains("--batch").doesNotContain("Exception");
        Result ds = run("lab", "seed", "--dataset", dir.resolve("none").toString());
        assertThat(ds.exit()).isEqualTo(2);
        assertThat(ds.err().strip()).startsWith("wattiq: missing ").contains("fixed_dataset.py").doesNotContain("\n");
        Result tol = run("demo", "--no-store", "--tolerance", "-1");
        assertThat(tol.exit()).isEqualTo(2);
        assertThat(tol.err().strip()).isEqualTo("wattiq: --tolerance must be zero or more (R² units), got -1.0");
        Result workers = run("lab", "parallel", "--no-store", "--workers", "0");
        assertThat(workers.exit()).isEqualTo(2);
        assertThat(workers.err().strip()).isEqualTo("wattiq: --workers must be at least 1, got 0");
    }
}
