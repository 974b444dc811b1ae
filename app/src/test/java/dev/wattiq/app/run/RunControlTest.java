package dev.wattiq.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wattiq.app.cli.Cli;
import dev.wattiq.app.cli.CliJvm;
import dev.wattiq.app.cli.External;
import dev.wattiq.meter.nvml.StubNvml;
import dev.wattiq.meter.testing.StubLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python client under a real {@code wattiq run}: epoch windows and work in the run's JSON, the summary and the
 * store, exactly as the script saw them; bad input answered to the client alone; a wattiq that stops answering.
 */
class RunControlTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path CLIENT = Path.of(System.getProperty("user.dir")).getParent().resolve("clients/python");

    @TempDir
    Path tmp;

    Path home() {
        return tmp.resolve("home");
    }

    static String python() {
        return External.require("/usr/bin/python3", "python3").toString();
    }

    Path script(String name) throws IOException {
        Path p = tmp.resolve(name);
        try (InputStream in = RunControlTest.class.getResourceAsStream(name)) {
            Files.copy(in, p);
        }
        return p;
    }

    /** The command line that runs a script with the client importable (as PYTHONPATH=clients/python does). */
    List<String> py(Path script, String... args) {
        List<String> cmd = new ArrayList<>(List.of("env", "PYTHONPATH=" + CLIENT, python(), script.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** What a process printed: its stdout and its stderr. */
    record Printed(String out, String err) {
    }

    /** Starts {@code pb} with its stdout and stderr to files, and returns what it printed once it exited 0 within {@code seconds}. */
    Printed exitsZero(ProcessBuilder pb, int seconds) throws Exception {
        pb.redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(seconds, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(tmp.resolve("err.txt"));
        assertThat(p.exitValue()).as(err).isZero();
        return new Printed(Files.readString(tmp.resolve("out.txt")), err);
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void threeEpochWindowsLandInTheRunAsTheScriptSawThem() throws IOException {
        Path seenFile = tmp.resolve("seen.json");
        Cli.Measured m = Cli.measure(home(), tmp.resolve("run.json"), List.of(), py(script("control_epochs.py"), seenFile.toString()));
        Cli.Result r = m.result();
        JsonNode run = m.json();
        JsonNode seen = JSON.readTree(seenFile.toFile());
        JsonNode windows = run.get("windows");
        assertThat(windows).hasSize(3);
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            JsonNode w = windows.get(i);
            JsonNode s = seen.get("windows").get(i);
            assertThat(w.get("name").asText()).isEqualTo("epoch-" + i);
            assertThat(w.at("/energy_j/total").asDouble()).isPositive();
            assertThat(w.get("duration_s").asDouble()).isGreaterThan(0.1); // 40 steps of 4 ms
            assertThat(w.get("method").asText()).isEqualTo(run.get("method").asText());
            // the joules the script saw are the stored ones, bit for bit
            assertThat(s.get("energy_j").asDouble()).isEqualTo(w.at("/energy_j/total").asDouble());
            assertThat(s.get("duration_s").asDouble()).isEqualTo(w.get("duration_s").asDouble());
            assertThat(s.get("start_s").asDouble()).isEqualTo(w.get("start_s").asDouble());
            assertThat(s.get("by_component")).isEqualTo(w.at("/energy_j/by_component"));
            assertThat(w.get("work")).isEqualTo(JSON.readTree("{\"steps\":40,\"samples\":1280,\"tokens\":163840}"));
            assertThat(w.at("/energy_per/token_j").asDouble()).isEqualTo(w.at("/energy_j/total").asDouble() / 163840);
            if (i > 0) assertThat(w.get("start_s").asDouble()).isGreaterThanOrEqualTo(windows.get(i - 1).get("start_s").asDouble()
                    + windows.get(i - 1).get("duration_s").asDouble());
            sum += w.at("/energy_j/total").asDouble();
        }
        double total = run.at("/energy_j/total").asDouble();
        assertThat(sum).isLessThanOrEqualTo(total);
        assertThat(run.get("work")).isEqualTo(JSON.readTree("{\"steps\":120,\"samples\":3840,\"tokens\":491520}"));
        assertThat(run.get("work")).isEqualTo(seen.get("work"));
        assertThat(run.at("/energy_per/step_j").asDouble()).isEqualTo(total / 120);
        assertThat(run.at("/energy_per/sample_j").asDouble()).isEqualTo(total / 3840);
        assertThat(run.at("/energy_per/token_j").asDouble()).isEqualTo(total / 491520);
        assertThat(r.err()).contains("  work       120 steps, 3840 samples, 491520 tokens: ").contains(" J/token")
                .containsPattern("(?m)^  windows    epoch-0 .* J .* s  at .* s .*40 steps, 1280 samples, 163840 tokens: .* J/token$")
                .containsPattern("(?m)^             epoch-2 ");

        // the store holds the same, and 'wattiq show' lists the windows
        JsonNode stored = Cli.json(home(), "show", run.get("run_id").asText(), "--json");
        assertThat(stored.get("windows")).isEqualTo(windows);
        assertThat(stored.get("work")).isEqualTo(run.get("work"));
        assertThat(stored.get("energy_per")).isEqualTo(run.get("energy_per"));
        Cli.Result text = Cli.run(home(), "show", run.get("run_id").asText());
        assertThat(text.out() + text.err()).contains("epoch-0").contains("epoch-1").contains("epoch-2");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void tagsGivenInsideTheJobAreTheRunsLabelsInItsJsonAndTheStore() throws IOException {
        Cli.Measured m = Cli.measure(home(), tmp.resolve("run.json"), List.of("--label", "model=big", "--label", "lr=0.1"),
                py(script("control_tags.py")));
        JsonNode run = m.json();
        JsonNode expected = JSON.readTree("{\"model\":\"tiny\",\"lr\":\"0.1\",\"accuracy\":\"0.9312\"}");
        assertThat(run.get("labels")).isEqualTo(expected);
        JsonNode stored = Cli.json(home(), "show", run.get("run_id").asText(), "--json");
        assertThat(stored.get("labels")).isEqualTo(expected);
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void thePlainPyTorchExampleMeasuresItsEpochsForReal() throws Exception {
        String python = External.pythonWithTorch().toString();
        Path out = tmp.resolve("run.json");
        Printed printed = exitsZero(CliJvm.builder(home(), "run", "--json-out", out.toString(), "--", python,
                CLIENT.resolve("examples/torch_epochs.py").toString(), "--epochs", "3", "--rows", "2048", "--json"), 200);
        String err = printed.err();
        JsonNode seen = JSON.readTree(printed.out().strip());
        JsonNode run = JSON.readTree(out.toFile());
        List<String> names = new ArrayList<>();
        run.get("windows").forEach(w -> names.add(w.get("name").asText()));
        assertThat(names).containsExactly("epoch-0", "evaluate", "epoch-1", "evaluate", "epoch-2", "evaluate");
        for (int i = 0; i < 3; i++) {
            JsonNode w = run.get("windows").get(2 * i);
            assertThat(seen.at("/windows/" + i + "/energy_j").asDouble()).isEqualTo(w.at("/energy_j/total").asDouble()).isPositive();
            assertThat(w.at("/work/samples").asInt()).isEqualTo(2048);
            assertThat(w.at("/work/steps").asInt()).isEqualTo(32); // 2048 rows in batches of 64
        }
        assertThat(seen.get("evaluate_j").asDouble()).isEqualTo(run.at("/windows/5/energy_j/total").asDouble());
        assertThat(run.get("work")).isEqualTo(JSON.readTree("{\"steps\":96,\"samples\":6144,\"tokens\":0}"));
        assertThat(err).contains("epoch 2: ").doesNotContain("wattiq: not running");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void withoutWattiqTheSameScriptExitsZeroWithOneWarningLine() throws Exception {
        List<String> cmd = py(script("control_epochs.py"), tmp.resolve("seen.json").toString());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("WATTIQ_CONTROL");
        String err = exitsZero(pb, 50).err();
        assertThat(err.lines().toList()).singleElement().asString().startsWith("wattiq: not running under 'wattiq run'");
        JsonNode seen = JSON.readTree(tmp.resolve("seen.json").toFile());
        assertThat(seen.at("/windows/0/energy_j").isNull()).isTrue();
        assertThat(seen.at("/work/steps").asInt()).isEqualTo(120);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void badInputIsAClearErrorToThatClientAndTheRunAndStoreStayIntact() throws IOException {
        Path gotFile = tmp.resolve("got.json");
        JsonNode run = Cli.measure(home(), tmp.resolve("run.json"), List.of(), py(script("control_bad_input.py"), gotFile.toString())).json();
        JsonNode got = JSON.readTree(gotFile.toFile());
        assertThat(got.get("closed_twice").asText()).isEqualTo("WindowError: window 'good-1' is ended already: end each window once (a with-block ends it for you)");
        assertThat(got.get("never_opened").asText()).isEqualTo("WindowError: window 'nope' was never begun: begin it first with begin_window('nope')");
        assertThat(got.get("empty_name").asText()).isEqualTo("WindowError: window name is empty: give it a name, e.g. 'epoch-3'");
        assertThat(got.get("long_name").asText()).isEqualTo("WindowError: window name is 10240 characters long: at most 256 allowed");
        assertThat(got.get("negative").asText()).startsWith("WindowError: n must be a count >= 0, got -3");
        List<String> raw = new ArrayList<>();
        for (JsonNode x : got.get("raw")) raw.add((x.get("ok").asBoolean() ? "ok " : "error ") + x.path("error").asText(""));
        assertThat(raw).containsExactly(
                "error bad request: not UTF-8 text; send one JSON object per line",
                "error bad request: not valid JSON (expected a JSON object such as {\"op\":\"energy\"} at character 1); send one JSON object per line, e.g. {\"op\":\"energy\",\"id\":1}",
                "error window 'good-1' was never opened: open it first (begin_window(\"good-1\") or {\"op\":\"open\"})",
                "error window name is empty: give it a name, e.g. \"epoch-3\"",
                "error window name is 10240 characters long: at most 256 allowed (it is stored and shown with the run)",
                "error steps must be a count >= 0, got -1: report the work done, never a correction",
                "ok ",
                "ok ",
                "error window 'raw-twice' is closed already: close each window once (a with-block or @measure closes it for you)");
        assertThat(got.get("good_2_energy_j").isNumber()).isTrue();

        assertThat(run.get("status").asText()).isEqualTo("complete");
        List<String> names = new ArrayList<>();
        run.get("windows").forEach(w -> names.add(w.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("good-1", "raw-twice", "good-2");
        assertThat(run.get("work")).isEqualTo(JSON.readTree("{\"steps\":100001,\"samples\":5,\"tokens\":0}"));
        assertThat(run.get("work")).isEqualTo(got.get("work"));
        JsonNode stored = Cli.json(home(), "show", run.get("run_id").asText(), "--json");
        assertThat(stored.get("windows")).isEqualTo(run.get("windows"));
        assertThat(stored.get("work")).isEqualTo(run.get("work"));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aWattiqThatStopsAnsweringCostsACallAtMostASecondAndTheScriptRunsOn() throws Exception {
        Path out = tmp.resolve("run.json");
        Printed printed = exitsZero(CliJvm.builder(home(), concat(List.of("run", "--json-out", out.toString(), "--"), py(script("control_stall.py")))
                .toArray(String[]::new)), 100);
        String err = printed.err();
        JsonNode got = JSON.readTree(printed.out().strip());
        assertThat(got.get("before_j").isNumber()).isTrue();
        assertThat(got.get("stalled_j").isNull()).isTrue();
        assertThat(got.get("first_s").asDouble()).as("the stalled window's call (stderr: %s)", err).isBetween(0.9, 1.5);
        assertThat(got.get("later_s").asDouble()).isLessThan(0.2);
        assertThat(err).contains("wattiq: lost the connection to wattiq run (no answer from wattiq within 1.0 s)");
        JsonNode run = JSON.readTree(out.toFile());
        assertThat(run.at("/windows/0/name").asText()).isEqualTo("before");
        assertThat(run.at("/windows/0/energy_j/total").asDouble()).isEqualTo(got.get("before_j").asDouble());
        assertThat(run.get("windows").findValuesAsText("name")).doesNotContain("after-0");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aWindowIsAnsweredWhileTheGpuReadIsHeldAndItsEnergyIsWhatWattiqStores() throws IOException {
        Path hold = tmp.resolve("hold");
        StubLibrary stub = StubNvml.create(tmp, DevicesCommandTest.H100, "hold_file " + hold);
        Path seenFile = tmp.resolve("seen.json");
        JsonNode run = Cli.measure(home(), tmp.resolve("run.json"), List.of("--scope", "machine", "--nvml-library", stub.library().toString()),
                py(script("control_slow_gpu.py"), hold.toString(), seenFile.toString())).json();
        JsonNode seen = JSON.readTree(seenFile.toFile());
        assertThat(seen.get("still_held").asBoolean()).as("open and close were answered while wattiq's NVML read was held").isTrue();
        JsonNode held = run.get("windows").get(1);
        assertThat(held.get("name").asText()).isEqualTo("held");
        assertThat(held.at("/energy_j/total").asDouble()).isEqualTo(seen.get("energy_j").asDouble()).isPositive();
        assertThat(held.get("duration_s").asDouble()).isEqualTo(seen.get("duration_s").asDouble());
        assertThat(held.at("/energy_j/by_component/gpu").asDouble()).isEqualTo(seen.at("/by_component/gpu").asDouble()).isPositive();
        assertThat(held.at("/work/steps").asLong()).isEqualTo(3);
        assertThat(run.at("/windows/0/energy_j/total").asDouble()).isEqualTo(seen.get("warm_j").asDouble());
        assertThat(held.at("/energy_j/total").asDouble() + seen.get("warm_j").asDouble()).isLessThanOrEqualTo(run.at("/energy_j/total").asDouble());
    }
}
