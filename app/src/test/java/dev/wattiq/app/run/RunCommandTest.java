package dev.wattiq.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wattiq.app.cli.Cli;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.meter.Clock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code wattiq run} on real child processes, measured by the real sensors of this machine, then runs and show. */
class RunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path home() {
        return tmp.resolve("home");
    }

    @Test
    void exitCodesPassThrough() {
        assertThat(Cli.run(home(), "run", "--", "true").exitCode()).isZero();
        assertThat(Cli.run(home(), "run", "--", "sh", "-c", "exit 3").exitCode()).isEqualTo(3);
        assertThat(Cli.run(home(), "run", "--no-store", "sh", "-c", "exit 77").exitCode()).isEqualTo(77); // options stop at CMD
    }

    @Test
    void deathBySignalIs128PlusN() {
        assertThat(Cli.run(home(), "run", "--", "sh", "-c", "kill -TERM $$").exitCode()).isEqualTo(128 + 15);
        assertThat(Cli.run(home(), "run", "--", "sh", "-c", "kill -KILL $$").exitCode()).isEqualTo(128 + 9);
        // env: SIGINT may be ignored in a test run started in the background, and an ignored signal stays ignored across exec
        assertThat(Cli.run(home(), "run", "--", "env", "--default-signal=INT", "sh", "-c", "kill -INT $$").exitCode()).isEqualTo(128 + 2);
    }

    @Test
    void jsonOutHasTheContractKeys() throws IOException {
        Path out = tmp.resolve("run.json");
        Cli.Result r = Cli.run(home(), "run", "--interval", "20ms", "--json-out", out.toString(), "--label", "model=tiny", "--label", "epoch=3",
                "--job", "job-7", "--", "sh", "-c", "sleep 0.3; exit 5");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(5);
        JsonNode j = JSON.readTree(out.toFile());
        for (String key : List.of("run_id", "command", "exit_code", "status", "duration_s", "energy_j", "method", "power_w", "samples",
                "idle_power_w", "scope", "labels", "job", "devices", "assumptions", "notes", "facility_energy_j", "cost", "co2e_kg")) {
            assertThat(j.has(key)).as(key).isTrue();
        }
        assertThat(j.get("command")).hasSize(3);
        assertThat(j.get("command").get(2).asText()).isEqualTo("sleep 0.3; exit 5");
        assertThat(j.get("exit_code").asInt()).isEqualTo(5);
        assertThat(j.get("status").asText()).isEqualTo("complete");
        assertThat(j.get("duration_s").asDouble()).isBetween(0.3, 30.0);
        assertThat(j.get("energy_j").get("total").isNumber()).isTrue();
        assertThat(j.get("energy_j").get("by_component").isObject()).isTrue();
        assertThat(j.get("power_w").get("avg").isNumber()).isTrue();
        assertThat(j.get("power_w").get("peak").isNumber()).isTrue();
        assertThat(j.get("samples").asInt()).isGreaterThan(0);
        assertThat(j.get("scope").asText()).isEqualTo("process");
        assertThat(j.get("labels").get("model").asText()).isEqualTo("tiny");
        assertThat(j.get("labels").get("epoch").asText()).isEqualTo("3");
        assertThat(j.get("job").asText()).isEqualTo("job-7");
        assertThat(j.get("co2e_kg").has("location_based")).isTrue();
        assertThat(j.get("co2e_kg").has("market_based")).isTrue();
        double byComponent = 0;
        for (JsonNode v : j.get("energy_j").get("by_component")) byComponent += v.asDouble();
        assertThat(byComponent).isCloseTo(j.get("energy_j").get("total").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
        double byDevice = 0;
        for (JsonNode d : j.get("devices")) {
            for (String key : List.of("component", "device", "energy_j", "device_energy_j", "method")) assertThat(d.has(key)).as(key).isTrue();
            byDevice += d.get("energy_j").asDouble();
        }
        assertThat(byDevice).isCloseTo(j.get("energy_j").get("total").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.err()).contains("wattiq: run " + j.get("run_id").asText() + " complete").contains("total").contains(" Wh").contains("method");

        // the same run, from the store
        JsonNode s = Cli.json(home(), "show", "--json", j.get("run_id").asText());
        for (String key : List.of("run_id", "command", "exit_code", "status", "energy_j", "method", "power_w", "samples", "scope", "labels", "job",
                "devices", "assumptions", "notes")) {
            assertThat(s.get(key)).as(key).isEqualTo(j.get(key));
        }
        assertThat(s.get("duration_s").asDouble()).isCloseTo(j.get("duration_s").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void runsListsAndShowFindsByPrefixAndWritesSamplesCsv() throws IOException {
        Cli.Result first = Cli.run(home(), "run", "--interval", "10ms", "--", "sleep", "0.25");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Cli.Result second = Cli.run(home(), "run", "--", "sh", "-c", "exit 2");
        assertThat(second.exitCode()).isEqualTo(2);
        JsonNode runs = Cli.json(home(), "runs", "--json");
        assertThat(runs).hasSize(2);
        List<String> ids = new ArrayList<>();
        for (JsonNode r : runs) {
            ids.add(r.get("run_id").asText());
            for (String key : List.of("run_id", "status", "samples", "energy_j", "started_at", "command", "exit_code")) assertThat(r.has(key)).as(key).isTrue();
            assertThat(r.get("energy_j").has("total")).isTrue();
        }
        assertThat(runs.get(0).get("exit_code").asInt()).isEqualTo(2); // newest first
        JsonNode sleepRun = runs.get(1);
        assertThat(sleepRun.get("command").get(0).asText()).isEqualTo("sleep");

        Cli.Result table = Cli.run(home(), "runs");
        assertThat(table.out()).startsWith("RUN_ID").contains(ids.get(0)).contains(ids.get(1)).contains("sleep 0.25");

        Path csv = tmp.resolve("samples.csv");
        String prefix = ids.get(1).substring(0, ids.get(1).length() - 2);
        Cli.Result shown = Cli.run(home(), "show", prefix, "--samples-csv", csv.toString());
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("wattiq: run " + ids.get(1) + " complete");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).startsWith("time,interval_s,total_w,gap");
        assertThat(lines).hasSizeGreaterThan(5); // 10 ms samples over 0.25 s, less a loaded machine's hiccups
        int stored = sleepRun.get("samples").asInt();
        assertThat(lines.size() - 1).isGreaterThanOrEqualTo(stored);
    }

    @Test
    void theLedgerFillsCostAndCarbonForTheSiteAndShowCanBillAnotherSite() throws IOException {
        Cli.Measured m = Cli.measure(home(), tmp.resolve("fr.json"), "--scope", "machine", "--region", "FR", "--pue", "1.5", "--price", "0.2",
                "--currency", "EUR", "--", "sh", "-c", "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done");
        Cli.Result r = m.result();
        JsonNode j = m.json();
        double it = j.at("/energy_j/total").asDouble();
        assertThat(it).isPositive();
        assertThat(j.get("facility_energy_j").asDouble()).isCloseTo(1.5 * it, org.assertj.core.data.Offset.offset(1e-9 * it));
        assertThat(j.at("/cost/currency").asText()).isEqualTo("EUR");
        assertThat(j.at("/cost/amount").asDouble()).isCloseTo(1.5 * it / 3.6e6 * 0.2, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(j.at("/co2e_kg/location_based").isNumber()).isTrue();
        assertThat(j.at("/co2e_kg/market_based").isNumber()).isTrue();
        assertThat(r.err()).contains("facility energy").contains("cost ").contains("CO2e");

        String id = j.get("run_id").asText();
        JsonNode stored = Cli.json(home(), "show", "--json", id);
        assertThat(stored.get("cost")).isEqualTo(j.get("cost"));
        assertThat(stored.get("co2e_kg")).isEqualTo(j.get("co2e_kg"));
        JsonNode pl = Cli.json(home(), "show", "--json", "--region", "PL", "--pue", "1.5", id);
        assertThat(pl.get("facility_energy_j").asDouble()).isCloseTo(j.get("facility_energy_j").asDouble(), org.assertj.core.data.Offset.offset(1e-9 * it));
        assertThat(pl.at("/co2e_kg/location_based").asDouble()).isGreaterThan(j.at("/co2e_kg/location_based").asDouble()); // coal vs nuclear
    }

    @Test
    void noStoreLeavesNoDatabase() {
        Cli.Result r = Cli.run(home(), "run", "--no-store", "--", "true");
        assertThat(r.exitCode()).isZero();
        assertThat(home().resolve("wattiq.db")).doesNotExist();
    }

    @Test
    void ambiguousPrefixIsAUserError() {
        Cli.run(home(), "run", "--", "true");
        Cli.run(home(), "run", "--", "true");
        Cli.Result r = Cli.run(home(), "show", "2");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("wattiq: run id '2' is ambiguous (").contains("): give more of it");
    }

    @Test
    void aMeterThatStartsLateIsNotedWithoutWaitingForIt() throws IOException {
        // the run's clock says the sensors opened 80 ms after the command started, in a 1 s run: over the 50 ms allowed
        JsonNode late = runOn(new ScriptedClock(0, 80_000_000L, 1_000_000_000L), "late.json");
        assertThat(late.get("started_at").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(late.get("ended_at").asText()).isEqualTo("2026-01-01T00:00:01Z");
        assertThat(late.get("notes").toString()).contains("the meter started 80.0 ms after the command");
        JsonNode prompt = runOn(new ScriptedClock(0, 1_000_000L, 1_000_000_000L), "prompt.json");
        assertThat(prompt.get("notes").toString()).doesNotContain("the meter started");
    }

    private JsonNode runOn(Clock clock, String name) throws IOException {
        Path out = tmp.resolve(name);
        CommandLine cl = Errors.configure(new CommandLine(RunCommand.spec(clock)));
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("--no-store", "--json-out", out.toString(), "--", "sleep", "0.3")).as(err.toString()).isZero();
        return JSON.readTree(out.toFile());
    }

    /** A clock whose monotonic readings are given in advance (then stay at the last); wall time is a second per reading. */
    static final class ScriptedClock implements Clock {
        private final long[] nanos;
        private int next;
        private Instant wall = Instant.parse("2026-01-01T00:00:00Z");

        ScriptedClock(long... nanos) {
            this.nanos = nanos;
        }

        @Override
        public synchronized long monotonicNanos() {
            return nanos[Math.min(next++, nanos.length - 1)];
        }

        @Override
        public synchronized Instant wallTime() {
            Instant t = wall;
            wall = wall.plusSeconds(1);
            return t;
        }
    }
}
