package dev.wattiq.app.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wattiq.app.cli.Cli;
import dev.wattiq.lab.serve.Precision;
import dev.wattiq.lab.serve.ServeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LabServeCommandTest {
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        Cli.Result r = Cli.run(args);
        return new Run(r.exitCode(), r.out(), r.err());
    }

    static void assertUsageError(Run r, String message) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(message).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void malformedOptionsGiveOneLineErrorsAndExitTwo(@TempDir Path tmp) throws Exception {
        assertUsageError(run("lab", "serve", "--batches", "0"), "wattiq: batch size 0 is out of range: use 1 to 1024");
        assertUsageError(run("lab", "serve", "--batches", "abc"), "Invalid value for option '--batches'");
        assertUsageError(run("lab", "serve", "--threads", "1,1"), "thread counts repeat");
        assertUsageError(run("lab", "serve", "--precision", "bf16"), "wattiq: unknown precision 'bf16': use fp32 or int8");
        assertUsageError(run("lab", "serve", "--sentences", "5"), "need at least top-k + 1 = 11 sentences");
        assertUsageError(run("lab", "serve", "--sentences", "3001", "--batches", "1", "--threads", "1"),
                "the corpus has 3000 sentences; asked for 3001");
        assertUsageError(run("lab", "serve", "--scope", "galaxy"), "wattiq: --scope must be process or machine, got 'galaxy'");
        assertUsageError(run("lab", "serve", "--json-out", tmp.resolve("no/such/dir/x.json").toString()),
                "does not exist; create it or pick another path");
        assertUsageError(run("lab", "serve", "--html", tmp.toString()), "is a folder; give a file name");
        assertUsageError(run("lab", "serve", "--cpu-watts", "-3"), "--cpu-watts must be a positive number");
        assertUsageError(run("lab", "serve", "--bogus"), "Unknown option: '--bogus'");
    }

    @Test
    void quickIsTheDemoSweepAndFlagsOverrideIt() {
        LabServeCommand c = new LabServeCommand();
        new CommandLine(c).parseArgs("--quick");
        assertThat(c.config()).isEqualTo(ServeConfig.quick());
        new CommandLine(c).parseArgs("--quick", "--precision", "int8", "--batches", "2,4", "--sentences", "20", "--length-sorted");
        ServeConfig s = c.config();
        assertThat(s.precisions()).containsExactly(Precision.INT8);
        assertThat(s.batches()).containsExactly(2, 4);
        assertThat(s.sentences()).isEqualTo(20);
        assertThat(s.queries()).isEqualTo(20);
        assertThat(s.lengthSorted()).isTrue();
    }

    @Test
    void aSmallRealSweepWritesTableJsonAndHtml(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("serve.json");
        Path html = tmp.resolve("serve.html");
        Run r = run("lab", "serve", "--sentences", "16", "--batches", "1,4", "--threads", "1",
                "--json-out", json.toString(), "--html", html.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("precision batch threads").contains("int8").contains("fp32");
        assertThat(r.err()).contains("[4/4] serve-");
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.get("model").asText()).isEqualTo("all-MiniLM-L6-v2");
        assertThat(doc.get("engine").asText()).isEqualTo("onnxruntime 1.28.0");
        assertThat(doc.get("rows")).hasSize(4);
        for (JsonNode row : doc.get("rows")) {
            for (String key : List.of("precision", "batch", "threads", "j_per_1k", "latency_p50_ms", "latency_p99_ms",
                    "throughput_per_s", "fidelity_cosine", "topk_overlap", "energy_j", "duration_s", "method")) {
                assertThat(row.has(key)).as(key).isTrue();
            }
            assertThat(row.get("throughput_per_s").asDouble()).isPositive();
            assertThat(row.get("embeddings").asInt()).isEqualTo(16);
        }
        assertThat(Files.readString(html)).startsWith("<!doctype html>").contains("<table>").doesNotContain("<script");
    }
}
