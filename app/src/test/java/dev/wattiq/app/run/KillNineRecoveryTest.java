package dev.wattiq.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wattiq.app.cli.Cli;
import dev.wattiq.app.cli.CliJvm;
import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.SqliteRunStore;
import dev.wattiq.app.store.StoredSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a real wattiq JVM in the middle of a run: the run stays in the real SQLite file with every
 * sample flushed before the kill, and the next start of wattiq marks it incomplete.
 */
class KillNineRecoveryTest {
    @TempDir
    Path tmp;

    @Test
    void killedRunIsKeptAndMarkedIncomplete() throws Exception {
        Path home = tmp.resolve("home");
        Process wattiq = CliJvm.start(home, "run", "--interval", "10ms", "--", "sleep", "60");
        List<ProcessHandle> children = new ArrayList<>();
        long flushedBeforeKill;
        try {
            Path db = home.resolve("wattiq.db");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            flushedBeforeKill = 0;
            while (flushedBeforeKill < 20 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                if (Files.exists(db)) flushedBeforeKill = count(db, "SELECT count(*) FROM samples");
            }
            assertThat(flushedBeforeKill).as("samples flushed while running").isGreaterThanOrEqualTo(20);
            assertThat(count(db, "SELECT count(*) FROM runs WHERE status = 'running'")).isEqualTo(1);
            wattiq.toHandle().children().forEach(children::add);
            wattiq.destroyForcibly(); // SIGKILL: no shutdown hook, no final flush
            assertThat(wattiq.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(wattiq.exitValue()).isEqualTo(128 + 9);
        } finally {
            wattiq.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly); // the orphaned sleep
        }

        Cli.Result list = Cli.run(home, "runs", "--json"); // the next start of wattiq
        assertThat(list.exitCode()).as(list.err()).isZero();
        try (SqliteRunStore store = SqliteRunStore.open(home)) {
            List<RunRecord> runs = store.list(0);
            assertThat(runs).hasSize(1);
            RunRecord r = store.find(runs.getFirst().runId()).orElseThrow();
            assertThat(r.status()).isEqualTo("incomplete");
            assertThat(r.exitCode()).isNull();
            assertThat(r.samples()).isGreaterThanOrEqualTo(flushedBeforeKill);
            List<StoredSample> samples = new ArrayList<>();
            store.forEachSample(r.runId(), samples::add);
            assertThat(samples).hasSize((int) r.samples());
            for (int i = 0; i < samples.size(); i++) assertThat(samples.get(i).seq()).isEqualTo(i); // no hole up to the last flush
            double joules = samples.stream().mapToDouble(s -> s.totalWatts() * s.intervalSeconds()).sum();
            assertThat(r.totalJoules()).isCloseTo(joules, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(r.notes()).anyMatch(n -> n.startsWith("incomplete: the wattiq process recording this run stopped"));
            assertThat(r.endedAt()).isEqualTo(samples.getLast().wallTime().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        }
        assertThat(list.out()).contains("\"status\" : \"incomplete\"");
    }

    private static long count(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (java.sql.SQLException e) {
            return 0; // not created yet
        }
    }
}
