package dev.wattiq.app.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wattiq.app.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        Cli.Result r = Cli.run(args);
        return new Result(r.exitCode(), r.out(), r.err());
    }

    @Test
    void trainWritesTheContractJsonAndATable(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("plan.json");
        Result r = run("plan", "train", "--params", "70B", "--tokens", "15T", "--hardware", "h100", "--devices", "2048",
                "--region", "US-IA", "--pue", "1.1", "--mfu", "0.4", "--host-overhead", "0", "--start", "2025-01-01T00:00:00Z",
                "--json-out", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("training plan: 2,048 devices of H100-SXM").contains("scaling out").contains("planner assumptions:");
        JsonNode n = new ObjectMapper().readTree(Files.readString(json));
        double seconds = 6 * 70e9 * 15e12 / (2048 * 989.4e12 * 0.4);
        double itKwh = 2048 * (70 + 630 * 0.8) * seconds / 3.6e6;
        assertThat(n.get("flops").asDouble()).isEqualTo(6.3e24);
        assertThat(n.get("duration_h").asDouble()).isCloseTo(seconds / 3600, within(1e-6));
        assertThat(n.get("device_hours").asDouble()).isCloseTo(2048 * seconds / 3600, within(1e-3));
        assertThat(n.at("/energy_kwh/it").asDouble()).isCloseTo(itKwh, within(1e-6 * itKwh));
        assertThat(n.at("/energy_kwh/facility").asDouble()).isCloseTo(1.1 * itKwh, within(1e-6 * itKwh));
        assertThat(n.at("/co2e_kg/location_based").asDouble()).isPositive();
        assertThat(n.at("/co2e_kg/market_based").asDouble()).isPositive();
        assertThat(n.at("/cost/amount").asDouble()).isPositive();
        assertThat(n.at("/cost/currency").asText()).isEqualTo("USD");
        assertThat(n.get("scaling").size()).isEqualTo(7);
        assertThat(n.get("assumptions").findValuesAsText("name")).contains("pue", "grid_intensity", "utilisation",
                "peak_flops", "host.overhead_fraction");
    }

    @Test
    void trainFromAPublishedModelName() {
        Result r = run("plan", "train", "--model", "llama-2-70b", "--hardware", "A100-80GB", "--devices", "2048");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("model = llama-2-70b").contains("Touvron");
    }

    @Test
    void embodiedCarbonComesFromTheCatalogueAndIsAmortisedByTheLedger(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("e.json");
        Result r = run("plan", "train", "--params", "70B", "--tokens", "15T", "--hardware", "H100-SXM", "--devices", "2048",
                "--mfu", "0.4", "--embodied", "--json-out", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(Files.readString(json));
        double hours = n.get("duration_h").asDouble();
        assertThat(n.at("/co2e_kg/embodied").asDouble()).isCloseTo(2048 * 164 * hours / (4 * 365.25 * 24), within(1e-6));
        assertOneLine(run("plan", "train", "--params", "7B", "--tokens", "1T", "--hardware", "A100-80GB", "--embodied"),
                "no published embodied CO2e for A100-80GB");
    }

    @Test
    void inferWritesTheContractJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("infer.json");
        Result r = run("plan", "infer", "--model", "llama-3-70b", "--hardware", "H100-SXM", "--devices", "4", "--batch", "64",
                "--requests-per-day", "1M", "--json-out", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("serving plan: llama-3-70b on 4 x H100-SXM").contains("memory-bound");
        JsonNode n = new ObjectMapper().readTree(Files.readString(json));
        for (String k : new String[] {"energy_per_token_j", "energy_per_request_wh", "tokens_per_s", "devices",
                "annual_energy_kwh", "co2e_kg", "cost", "assumptions"}) {
            assertThat(n.has(k)).as(k).isTrue();
        }
        assertThat(n.get("energy_per_token_j").asDouble()).isBetween(0.05, 5.0);
        assertThat(n.get("devices").asInt() % 4).isZero();
    }

    @Test
    void inferFromABareParameterCount() {
        Result r = run("plan", "infer", "--params", "8B", "--hardware", "L4", "--precision", "int4", "--batch", "8");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("generic Llama-like shape");
    }

    @Test
    void validatePrintsRowsAndMedians() {
        Result r = run("plan", "validate");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("GPT-3 175B").contains("median absolute error").contains("j_per_token");
    }

    @Test
    void validateRejectsAFileOfTheWrongShape(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.csv");
        Files.writeString(f, "a,b\n1,2\n");
        Result r = run("plan", "validate", "--file", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("neither training_runs.csv columns");
        Result missing = run("plan", "validate", "--file", dir.resolve("nope.csv").toString());
        assertThat(missing.err()).isEqualTo("wattiq: no such file: " + dir.resolve("nope.csv") + " (give the path of a training_runs.csv or inference.csv)" + System.lineSeparator());
    }

    @Test
    void badInputIsAOneLineErrorWithExitTwo() {
        assertOneLine(run("plan", "train", "--params", "70B", "--tokens", "1T", "--hardware", "H110"),
                "wattiq: unknown hardware 'H110'; closest: ");
        assertOneLine(run("plan", "train", "--params", "70B", "--tokens", "1T", "--hardware", "H100", "--devices", "8"),
                "use --devices 16 or more");
        assertOneLine(run("plan", "train", "--params", "0", "--tokens", "1T", "--hardware", "H100"),
                "--params must be a positive number");
        assertOneLine(run("plan", "train", "--params", "7B", "--tokens", "-1T", "--hardware", "H100"),
                "--tokens must be a positive number");
        assertOneLine(run("plan", "train", "--params", "7B", "--tokens", "1T", "--hardware", "H100", "--mfu", "1.5"),
                "--mfu must be a fraction in (0, 1]");
        assertOneLine(run("plan", "train", "--params", "7B", "--tokens", "1T", "--hardware", "H100", "--devices", "2.5"),
                "--devices must be a whole number");
        assertOneLine(run("plan", "infer", "--params", "405B", "--hardware", "H100", "--devices", "2"),
                "use --devices");
        assertOneLine(run("plan", "infer", "--model", "gpt-5", "--hardware", "H100"), "unknown model 'gpt-5'");
        Result bad = run("plan", "train", "--params", "70X", "--tokens", "1T", "--hardware", "H100");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("'70X' is not a number");
    }

    private static void assertOneLine(Result r, String text) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains(text).startsWith("wattiq: ");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }
}
