package dev.wattiq.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wattiq.app.cli.Cli;
import dev.wattiq.app.cli.CliJvm;
import dev.wattiq.app.cli.External;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared store on a real PostgreSQL (started by .ci/run through .ci/postgres.sh; its URL in WATTIQ_TEST_PG_URL):
 * the store contract, abandoned-run recovery limited to this host, and two ranks as separate wattiq processes with
 * separate WATTIQ_HOMEs (as on two nodes) writing into it, summed by report --job --store.
 */
class PostgresStoreTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private static String freshDatabase;

    /**
     * A database of this test run's own on the server WATTIQ_TEST_PG_URL names: the server outlives runs (CI and every
     * worktree on a machine share it), so a store schema written by another checkout's newer code, or its runs, must
     * not decide this run's result.
     */
    static synchronized String url() throws java.sql.SQLException {
        String url = System.getenv("WATTIQ_TEST_PG_URL");
        External.requireThat(url != null, "WATTIQ_TEST_PG_URL is not set: start a PostgreSQL with .ci/postgres.sh and export its output");
        if (freshDatabase == null) {
            String name = "wattiq_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            }
            java.net.URI u = java.net.URI.create(url.substring("jdbc:".length()));
            freshDatabase = "jdbc:" + u.getScheme() + "://" + u.getRawAuthority() + "/" + name + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement st = c.createStatement()) {
                    st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                } catch (java.sql.SQLException ignored) {
                    // a leftover test database is harmless; the next run makes its own
                }
            }));
        }
        return freshDatabase;
    }

    @Test
    void tagsAttachToAStoredRunAfterTheFact() throws Exception {
        String url = url();
        String id = "pg-tag-" + UUID.randomUUID();
        try (PostgresRunStore s = PostgresRunStore.open(url, "this-host")) {
            s.begin(new RunStart(id, List.of("python", "eval.py"), Instant.ofEpochMilli(1_700_000_000_000L), "process", 0.1,
                    Map.of("k", "v", "accuracy", "0.5"), null, "this-host", ProcessHandle.current().pid(), null, "estimated"));
            s.tag(id, Map.of("accuracy", "0.91", "eval", "after"));
            assertThat(s.find(id).orElseThrow().labels()).containsEntry("accuracy", "0.91").containsEntry("eval", "after").containsEntry("k", "v");
        }
        Path home = dir.resolve("home");
        Cli.Result r = Cli.run(home, "runs", "tag", "--store", url, id, "accuracy=0.93");
        assertThat(r.exitCode()).as(r.err()).isZero();
        try (PostgresRunStore s = PostgresRunStore.open(url, "this-host")) {
            assertThat(s.find(id).orElseThrow().labels()).containsEntry("accuracy", "0.93");
        }
        Cli.Result unknown = Cli.run(home, "runs", "tag", "--store", url, "no-such-" + UUID.randomUUID(), "accuracy=0.9");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).doesNotContain("\n").contains("no run 'no-such-");
    }

    @Test
    void roundTripJobQueryAndHostScopedRecovery() throws Exception {
        String url = url();
        String job = "pg-" + UUID.randomUUID();
        String id = job + "-a";
        String foreign = job + "-b";
        try (PostgresRunStore s = PostgresRunStore.open(url, "this-host")) {
            s.begin(new RunStart(id, List.of("python", "train.py"), Instant.ofEpochMilli(1_700_000_000_000L), "process", 0.1, Map.of("k", "v"),
                    job, "this-host", ProcessHandle.current().pid(), null, "estimated"));
            s.appendSamples(id, List.of(
                    new StoredSample(0, Instant.ofEpochMilli(1_700_000_000_100L), 0.1, 20, Map.of("cpu", 15.0, "memory", 5.0), false),
                    new StoredSample(1, Instant.ofEpochMilli(1_700_000_000_200L), 0.1, 30, Map.of("cpu", 25.0, "memory", 5.0), false)));
            // a run owned by a dead pid on ANOTHER node: this host cannot judge it and must leave it running
            s.begin(new RunStart(foreign, List.of("x"), Instant.ofEpochMilli(1_700_000_000_000L), "process", 0.1, Map.of(), job, "other-node",
                    999_999_999L, null, "estimated"));
            RunRecord live = s.find(id).orElseThrow();
            assertThat(live.status()).isEqualTo("running");
            assertThat(live.totalJoules()).isCloseTo(5.0, within(1e-12));
            assertThat(live.peakPowerWatts()).isEqualTo(30.0);
            assertThat(live.labels()).containsEntry("k", "v");
            List<StoredSample> got = new ArrayList<>();
            s.forEachSample(id, got::add);
            assertThat(got).hasSize(2);
            assertThat(got.get(1).wattsByComponent()).containsEntry("cpu", 25.0);
            s.finish(live.withBill(dev.wattiq.ledger.Ledger.bill(dev.wattiq.ledger.EnergyTrace.of(live.startedAt(), 0.2, 5.0),
                    dev.wattiq.ledger.Site.builder().region("FR").currency("EUR", "test").price(0.2, "test").build())));
            assertThat(s.recoverAbandoned()).doesNotContain(foreign);
            List<RunRecord> runs = s.job(job);
            assertThat(runs).extracting(RunRecord::runId).containsExactly(id, foreign);
            assertThat(runs.getFirst().bill().cost().currency()).isEqualTo("EUR");
            assertThat(runs.getFirst().bill().itEnergyJoules()).isEqualTo(5.0);
            org.junit.jupiter.api.Assertions.assertThrows(StoreException.class, () -> s.find(id.substring(0, id.length() - 2)));
        }
        try (PostgresRunStore other = PostgresRunStore.open(url, "other-node")) {
            assertThat(other.find(foreign).orElseThrow().status()).isEqualTo("incomplete"); // its own host recovered it on open
        }
    }

    @Test
    void unreachableServerIsAOneLineError() {
        StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class,
                () -> PostgresRunStore.open("jdbc:postgresql://127.0.0.1:1/none?user=x&password=hunter2&connectTimeout=2", "h"));
        assertThat(e.getMessage()).contains("cannot use the PostgreSQL run store").contains("password=***").doesNotContain("hunter2");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void ranksOnTwoNodesWriteOneJobThatReportSums() throws Exception {
        String url = url();
        String job = "ddp-" + UUID.randomUUID();
        List<Process> ranks = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            Path json = dir.resolve("rank" + r + ".json");
            ranks.add(CliJvm.builder(dir.resolve("node" + r), "run", "--job", job, "--store", url, "--interval", "50ms", "--json-out", json.toString(),
                    "--", "timeout", "1.5", "sh", "-c", "while :; do :; done").redirectErrorStream(true).redirectOutput(dir.resolve("rank" + r + ".log").toFile())
                    .start());
        }
        double sum = 0;
        for (int r = 0; r < 2; r++) {
            assertThat(ranks.get(r).waitFor()).isEqualTo(124);
            sum += JSON.readTree(dir.resolve("rank" + r + ".json").toFile()).at("/energy_j/total").asDouble();
        }
        Path out = dir.resolve("job.json");
        Cli.Result rep = Cli.run(dir.resolve("elsewhere"), "report", "--job", job, "--store", url, "--json-out", out.toString());
        assertThat(rep.exitCode()).as(rep.err()).isZero();
        JsonNode j = JSON.readTree(out.toFile());
        assertThat(j.get("runs_count").asInt()).isEqualTo(2);
        assertThat(j.at("/energy_j/total").asDouble()).isPositive().isCloseTo(sum, within(1e-9));
        assertThat(j.at("/energy_j/by_host").size()).isEqualTo(1); // both "nodes" are this machine here
        assertThat(j.get("cost").isNumber()).isTrue();
    }
}
