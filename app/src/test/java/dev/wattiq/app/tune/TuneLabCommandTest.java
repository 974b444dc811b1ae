package dev.wattiq.app.tune;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wattiq.app.cli.Cli;
import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.RunStart;
import dev.wattiq.app.store.SqliteRunStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wattiq tune lab} over a real SQLite store holding runs the way the lab stores its trials. */
class TuneLabCommandTest {
    @TempDir
    Path home;

    private void store(String id, String experiment, double joules, double seconds, String quality) throws Exception {
        try (SqliteRunStore s = SqliteRunStore.open(home)) {
            Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
            Map<String, String> labels = quality == null ? Map.of("experiment", experiment) : Map.of("experiment", experiment, "quality_r2", quality);
            RunStart start = new RunStart(id, List.of("lab", experiment), t0, "process", 0.1, labels, null, "h", 1, null, "estimated");
            s.begin(start);
            s.finish(new RunRecord(id, "complete", List.of("lab", experiment), 0, t0, t0.plusSeconds((long) seconds), seconds, "process",
                    0.1, labels, null, "h", "estimated", joules, Map.of("cpu_package", joules), joules / seconds, joules / seconds,
                    Double.NaN, 10, List.of(), Map.of(), List.of(), null));
        }
    }

    @Test
    void frontierOfStoredRunsWithARecommendation() throws Exception {
        store("r1", "fp32", 100, 10, "0.95");
        store("r2", "bf16", 60, 6, "0.94");
        store("r3", "prune-90", 50, 7, "0.40");
        store("r4", "waste", 120, 12, "0.90");
        store("r5", "seed", 10, 1, null);
        Path json = home.resolve("lab.json");
        Cli.Result r = Cli.run(home, "tune", "lab", "--json-out", json.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        assertThat(n.get("runs")).hasSize(4);
        assertThat(n.get("frontier").toString()).contains("r1", "r2", "r3").doesNotContain("r4");
        assertThat(n.get("recommended").get("run_id").asText()).isIn("r1", "r2", "r3");
        assertThat(r.out()).contains("Pareto frontier: 3 of 4 stored runs");
        Cli.Result picked = Cli.run(home, "tune", "lab", "--where", "quality>=0.945");
        assertThat(picked.out()).contains("recommended: r1 fp32");
    }

    @Test
    void anEmptyStoreSaysWhatToRun() {
        Cli.Result r = Cli.run(home, "tune", "lab");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("run 'wattiq lab' or 'wattiq demo' first");
        assertThat(Cli.run(home, "tune", "lab", "--objectives", "watts:min").err()).contains("is not one of");
    }
}
