package dev.wattiq.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wattiq.app.cli.CliJvm;
import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.SqliteRunStore;
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
 * The probe, as real wattiq JVMs on one SQLite store: one run is killed with {@code kill -9}, then 16
 * {@code run -- touch FILE} and 10 {@code runs} start together. Every command runs (16 files), every wattiq exits 0,
 * the killed run ends {@code incomplete} and every other run {@code complete}; no start fails on the store (it did:
 * "UNIQUE constraint failed: run_energy" and "database is locked"). bench/concurrent-runs.sh repeats it 5 times.
 */
class ConcurrentRunsTest {
    @TempDir
    Path tmp;

    @Test
    void killNineThenSixteenRunsAndTenListingsAllSucceed() throws Exception {
        Path home = tmp.resolve("home");
        String killed = killOneRun(home);
        List<Process> runs = new ArrayList<>();
        List<Process> lists = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                Path f = tmp.resolve("touched-" + i);
                files.add(f);
                runs.add(CliJvm.builder(home, "run", "--", "touch", f.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(tmp.resolve("run-" + i + ".err").toFile()).start());
            }
            for (int i = 0; i < 10; i++) {
                lists.add(CliJvm.builder(home, "runs").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(tmp.resolve("runs-" + i + ".err").toFile()).start());
            }
            for (int i = 0; i < runs.size(); i++) {
                assertThat(runs.get(i).waitFor(600, TimeUnit.SECONDS)).as("run %d ended", i).isTrue();
                assertThat(runs.get(i).exitValue()).as("run %d: %s", i, Files.readString(tmp.resolve("run-" + i + ".err"))).isZero();
                assertThat(Files.readString(tmp.resolve("run-" + i + ".err"))).doesNotContain("warning", "not fully stored", "locked");
            }
            for (int i = 0; i < lists.size(); i++) {
                assertThat(lists.get(i).waitFor(600, TimeUnit.SECONDS)).isTrue();
                assertThat(lists.get(i).exitValue()).as("runs %d: %s", i, Files.readString(tmp.resolve("runs-" + i + ".err"))).isZero();
            }
        } finally {
            runs.forEach(Process::destroyForcibly);
            lists.forEach(Process::destroyForcibly);
        }
        assertThat(files).allMatch(Files::exists);
        try (SqliteRunStore store = SqliteRunStore.open(home)) {
            List<RunRecord> all = store.list(0);
            assertThat(all).hasSize(17);
            for (RunRecord r : all) {
                assertThat(r.status()).as(r.runId() + " " + r.command()).isEqualTo(r.runId().equals(killed) ? "incomplete" : "complete");
            }
        }
    }

    /** Starts a run, waits until it is stored, kills its wattiq with SIGKILL (and the orphaned command); returns its id. */
    static String killOneRun(Path home) throws Exception {
        Process wattiq = CliJvm.builder(home, "run", "--interval", "10ms", "--", "sleep", "60")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<ProcessHandle> children = new ArrayList<>();
        try {
            Path db = home.resolve("wattiq.db");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String id = null;
            while (id == null && System.nanoTime() < deadline) {
                Thread.sleep(50);
                id = runningRun(db);
            }
            assertThat(id).as("the run was stored as running").isNotNull();
            wattiq.toHandle().children().forEach(children::add);
            wattiq.destroyForcibly();
            assertThat(wattiq.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return id;
        } finally {
            wattiq.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static String runningRun(Path db) {
        if (!Files.exists(db)) return null;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT r.run_id FROM runs r WHERE r.status = 'running' AND EXISTS (SELECT 1 FROM samples s WHERE s.run_id = r.run_id)")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (java.sql.SQLException e) {
            return null; // not created yet
        }
    }
}
