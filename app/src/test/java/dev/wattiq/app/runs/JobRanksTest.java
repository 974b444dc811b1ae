package dev.wattiq.app.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wattiq.app.cli.Cli;
import dev.wattiq.app.cli.CliJvm;
import dev.wattiq.app.store.SqliteRunStore;
import dev.wattiq.app.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two ranks of one job on one node, each under its own {@code wattiq run --job} (real JVMs, running together):
 * each charges only its own process tree, so their sum stays within what the whole machine drew over the same time
 * (measured by a third, machine-scope run), and {@code wattiq report --job} sums exactly the two.
 */
class JobRanksTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    static Process rank(Path home, Path json, String job, String scope, String... cmd) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--job", job, "--scope", scope, "--interval", "50ms", "--json-out", json.toString(), "--"));
        args.addAll(List.of(cmd));
        return CliJvm.builder(home, args.toArray(String[]::new)).redirectErrorStream(true).redirectOutput(json.resolveSibling(json.getFileName() + ".log").toFile())
                .start();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoConcurrentRanksDoNotCountTheMachineTwice() throws Exception {
        Path home = dir.resolve("home");
        String[] busy = {"timeout", "3", "sh", "-c", "while :; do :; done"};
        Process machine = rank(home, dir.resolve("machine.json"), "watch", "machine", "sleep", "9"); // outlasts the ranks even on a slow start
        awaitRunning(home, "watch"); // the machine-wide run is measuring (its record is in the store) before the ranks start
        Process r0 = rank(home, dir.resolve("r0.json"), "ddp-1", "process", busy);
        Process r1 = rank(home, dir.resolve("r1.json"), "ddp-1", "process", busy);
        assertThat(r0.waitFor()).isEqualTo(124);
        assertThat(r1.waitFor()).isEqualTo(124);
        assertThat(machine.waitFor()).isZero();
        double e0 = JSON.readTree(dir.resolve("r0.json").toFile()).at("/energy_j/total").asDouble();
        double e1 = JSON.readTree(dir.resolve("r1.json").toFile()).at("/energy_j/total").asDouble();
        double whole = JSON.readTree(dir.resolve("machine.json").toFile()).at("/energy_j/total").asDouble();
        assertThat(e0).isPositive();
        assertThat(e1).isPositive();
        assertThat(e0 + e1).as("ranks %.2f + %.2f J vs machine %.2f J", e0, e1, whole).isLessThanOrEqualTo(whole * 1.02);

        Path out = dir.resolve("job.json");
        Cli.Result rep = Cli.run(home, "report", "--job", "ddp-1", "--json-out", out.toString());
        assertThat(rep.exitCode()).as(rep.err()).isZero();
        assertThat(rep.out()).contains("job ddp-1: 2 run(s) on 1 host(s)");
        JsonNode j = JSON.readTree(out.toFile());
        assertThat(j.get("runs_count").asInt()).isEqualTo(2);
        assertThat(j.at("/energy_j/total").asDouble()).isCloseTo(e0 + e1, within(1e-9));
        assertThat(j.get("notes").size()).isZero();
    }

    /** Waits until a run of {@code job} is recorded as running: the meter of that run is then sampling. */
    static void awaitRunning(Path home, String job) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            if (Files.exists(home.resolve("wattiq.db"))) {
                try (SqliteRunStore store = SqliteRunStore.open(home)) {
                    if (store.job(job).stream().anyMatch(r -> "running".equals(r.status()))) return;
                } catch (StoreException e) {
                    // the first run is still creating the store
                }
            }
            Thread.sleep(20); // poll the other process's state, not a guess at how long it takes
        }
        throw new AssertionError("no run of job " + job + " started within 60 s");
    }

    @Test
    void machineScopeRanksOnOneHostAreFlaggedAndUnknownJobsRefused() {
        Path home = dir.resolve("home2");
        for (int i = 0; i < 2; i++) {
            Cli.Result r = Cli.run(home, "run", "--job", "dup", "--scope", "machine", "--", "true");
            assertThat(r.exitCode()).as(r.err()).isZero();
        }
        Cli.Result rep = Cli.run(home, "report", "--job", "dup", "--json");
        assertThat(rep.exitCode()).isZero();
        assertThat(rep.out()).contains("used --scope machine").contains("counts it 2 times");
        Cli.Result none = Cli.run(home, "report", "--job", "nope");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).startsWith("wattiq: no runs of job 'nope'");
        Cli.Result badStore = Cli.run(home, "report", "--job", "x", "--store", "mysql://h/db");
        assertThat(badStore.exitCode()).isEqualTo(2);
        assertThat(badStore.err()).contains("jdbc:postgresql://");
        Cli.Result missing = Cli.run(home, "report");
        assertThat(missing.exitCode()).isEqualTo(2);
    }
}
