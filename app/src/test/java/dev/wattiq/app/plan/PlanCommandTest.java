package dev.wattiq.app.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wattiq.app.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        Cli.Result r = Cli.run(args);
        return new Result(r.exitCode(), r.out(), r.err());
    }

    /** A plan that exited 0: what it printed, and the JSON it wrote to its --json-out file. */
    record Planned(String out, JsonNode json) {
    }

    /** Runs {@code args} with {@code --json-out} a file in {@code dir}, checks that it exits 0, and reads the file. */
    static Planned planned(Path dir, String... args) throws IOException {
        Path json = dir.resolve("plan.json");
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--json-out";
        all[args.length + 1] = json.toString();
        Result r = run(all);
        assertThat(r.code()).as(r.err()).isZero();
        return new Planned(r.out(), new ObjectMapper().readTree(Files.readString(json)));
    }

    @Test
    void trainWritesTheContractJsonAndATable(@TempDir Path dir) throws Exception {
        Planned p = planned(dir, "plan", "train", "--params", "70B", "--tokens", "15T", "--hardware", "h100", "--devices", "2048",
                "--region", "US-IA", "--pue", "1.1", "--mfu", "0.4", "--host-overhead", "0", "--start", "2025-01-01T00:00:00Z");
        assertThat(p.out()).contains("training plan: 2,048 devices of H100-SXM").contains("scaling out").contains("planner assumptions:");
        JsonNode n = p.json();
        double seconds = 6 * 70e9 * 15e12 / (2048 * 989.4e12 * 0.4);
        // the fitted training power curve at MFU 0.4 (a floor of the dynamic power, then linear to TDP at 0.5)
        double watts = dev.wattiq.planner.train.TrainingPlanner.shipped().devicePowerWatts(
                dev.wattiq.planner.hardware.HardwareCatalog.shipped().find("H100-SXM"), 0.4);
        double itKwh = 2048 * watts * seconds / 3.6e6;
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
        // the utilisation was given, so device-hours carry no interval; energy still has the power model's
        assertThat(n.at("/intervals/device_hours/p10").asDouble()).isEqualTo(n.get("device_hours").asDouble());
        assertBrackets(n, "energy_kwh_it", itKwh);
    }

    @Test
    void aModelledPlanCarriesItsEightyPercentIntervalInTextAndJson(@TempDir Path dir) throws Exception {
        Planned p = planned(dir, "plan", "train", "--params", "70B", "--tokens", "15T", "--hardware", "H100", "--devices", "2048",
                "--region", "US-IA");
        assertThat(p.out()).contains("device-hours").contains("(80%: ");
        JsonNode n = p.json();
        for (String k : new String[] {"device_hours", "energy_kwh_it", "energy_kwh_facility", "cost", "co2e_kg_location"}) {
            assertBrackets(n, k, n.at("/intervals/" + k + "/p50").asDouble());
        }
        assertThat(n.at("/intervals/device_hours/p50").asDouble()).isEqualTo(n.get("device_hours").asDouble());
        assertThat(n.at("/intervals/cost/p50").asDouble()).isEqualTo(n.at("/cost/amount").asDouble());
        assertThat(n.get("tensor_parallel").asInt()).isEqualTo(8);
    }

    @Test
    void anyModelIsPlannedFromItsParametersAndTheShapeIsListed() {
        Result r = run("plan", "train", "--params", "100B", "--active-params", "12B", "--tokens", "10T", "--hardware", "H800");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("generic Llama-like shape").contains("mixture of experts").contains("experts = ");
    }

    @Test
    void trainFromAPublishedModelName() {
        Result r = run("plan", "train", "--model", "llama-2-70b", "--hardware", "A100-80GB", "--devices", "2048");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("model = llama-2-70b").contains("Touvron");
    }

    @Test
    void embodiedCarbonComesFromTheCatalogueAndIsAmortisedByTheLedger(@TempDir Path dir) throws Exception {
        JsonNode n = planned(dir, "plan", "train", "--params", "70B", "--tokens", "15T", "--hardware", "H100-SXM", "--devices", "2048",
                "--mfu", "0.4", "--embodied").json();
        double hours = n.get("duration_h").asDouble();
        assertThat(n.at("/co2e_kg/embodied").asDouble()).isCloseTo(2048 * 164 * hours / (4 * 365.25 * 24), within(1e-6));
        assertOneLine(run("plan", "train", "--params", "7B", "--tokens", "1T", "--hardware", "A100-80GB", "--embodied"),
                "no published embodied CO2e for A100-80GB");
    }

    @Test
    void inferWritesTheContractJson(@TempDir Path dir) throws Exception {
        Planned p = planned(dir, "plan", "infer", "--model", "llama-3-70b", "--hardware", "H100-SXM", "--devices", "4", "--batch", "64",
                "--requests-per-day", "1M");
        assertThat(p.out()).contains("serving plan: llama-3-70b on 4 x H100-SXM").contains("memory-bound");
        JsonNode n = p.json();
        for (String k : new String[] {"energy_per_token_j", "energy_per_request_wh", "tokens_per_s", "devices",
                "annual_energy_kwh", "co2e_kg", "cost", "assumptions"}) {
            assertThat(n.has(k)).as(k).isTrue();
        }
        assertThat(n.get("energy_per_token_j").asDouble()).isBetween(0.05, 5.0);
        assertBrackets(n, "energy_per_token_j", n.get("energy_per_token_j").asDouble());
        assertThat(n.at("/intervals/annual_cost/p50").asDouble()).isEqualTo(n.at("/cost/amount").asDouble());
        assertThat(n.get("devices").asInt() % 4).isZero();
    }

    @Test
    void inferFromABareParameterCount() {
        Result r = run("plan", "infer", "--params", "8B", "--hardware", "L4", "--precision", "int4", "--batch", "8");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("generic Llama-like shape");
    }

    @Test
    void validatePrintsOutOfSampleThenInSampleErrorsAndCoverage() {
        Result r = run("plan", "validate");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("GPT-3 175B").contains("median absolute error, out-of-sample first")
                .contains("j_per_token").contains("leave-one-family-out").contains("not scored");
        String training = r.out().lines().filter(l -> l.contains("  b     device_hours")).findFirst().orElseThrow();
        assertThat(training).contains("out-of-sample").contains("in-sample").contains("80% interval holds")
                .contains("median width");
        assertThat(training.indexOf("out-of-sample")).isLessThan(training.indexOf("in-sample"));
        assertThat(r.out().lines().filter(l -> l.contains("  infer j_per_token")).findFirst().orElseThrow())
                .contains("out-of-sample").contains("80% interval holds");
    }

    @Test
    void validateScoresAHeldBackFileAndNamesEveryRowItCannotScore(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("heldback.csv");
        Files.writeString(f, """
                model,params_billion,active_params_billion,tokens_billion,hardware,num_devices,device_hours
                New-13B,13,,2000,NVIDIA H100,1024,300000
                Missing-tokens-7B,7,,,A100-80GB,512,100000
                Wrong-7B,seven,,1000,A100-80GB,512,100000
                """);
        Result r = run("plan", "validate", "--file", f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("New-13B").contains("never fitted")
                .contains("heldback.csv:3: Missing-tokens-7B: tokens_billion: no token count")
                .contains("heldback.csv:4: Wrong-7B: params_billion: holds 'seven', not a number")
                .contains("rows not scored: 3");
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "model,params_billion,tokens_billion\nA,1\n");
        Result b = run("plan", "validate", "--file", broken.toString());
        assertThat(b.code()).isEqualTo(2);
        assertThat(b.err()).startsWith("wattiq: " + broken + ":2:").doesNotContain("Exception").hasLineCount(1);
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

    /** The plan's 80% interval of {@code key} brackets {@code value}: its p10 below, its p90 above. */
    private static void assertBrackets(JsonNode plan, String key, double value) {
        JsonNode i = plan.at("/intervals/" + key);
        assertThat(i.get("p10").asDouble()).as(key).isLessThan(value);
        assertThat(i.get("p90").asDouble()).as(key).isGreaterThan(value);
    }

    private static void assertOneLine(Result r, String text) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains(text).startsWith("wattiq: ");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }
}
