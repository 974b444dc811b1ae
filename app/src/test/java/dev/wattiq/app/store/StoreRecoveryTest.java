package dev.wattiq.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery of abandoned runs under contention, on a real SQLite file with one connection per "process": each run is
 * claimed exactly once however many stores recover at the same moment, a live or finished run is never touched, and
 * a failure to claim is a warning, not an exception.
 */
class StoreRecoveryTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");

    @TempDir
    Path home;

    private static RunStart start(String id, long pid, Instant ownerStart) {
        return new RunStart(id, List.of("touch", id), T0, "process", 0.1, Map.of(), null, Hosts.name(), pid, ownerStart, "estimated");
    }

    private static StoredSample sample(long seq, double watts) {
        return new StoredSample(seq, T0.plusMillis(100 * (seq + 1)), 0.1, watts, Map.of("cpu", watts), false);
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void manyStoresRecoveringAtOnceClaimEachAbandonedRunOnceAndLeaveLiveOnesAlone() throws Exception {
        long dead = deadPid();
        long me = ProcessHandle.current().pid();
        Instant myStart = ProcessHandle.current().info().startInstant().orElseThrow();
        List<String> abandoned = new ArrayList<>();
        try (SqliteRunStore s = SqliteRunStore.open(home)) {
            for (int i = 0; i < 12; i++) {
                String id = "dead-" + i;
                abandoned.add(id);
                s.begin(start(id, dead, null));
                s.appendSamples(id, List.of(sample(0, 10 + i), sample(1, 20 + i)));
            }
            s.begin(start("live", me, myStart));
        }
        int stores = 16;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(stores);
        List<Future<List<String>>> results = new ArrayList<>();
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        try {
            for (int t = 0; t < stores; t++) {
                results.add(pool.submit(() -> {
                    go.await();
                    try (SqliteRunStore s = SqliteRunStore.open(home)) { // open recovers, as every start of wattiq does
                        warnings.addAll(s.warnings());
                        List<String> more = s.recoverAbandoned(); // and once more, racing the others
                        warnings.addAll(s.warnings());
                        return more;
                    }
                }));
            }
            go.countDown();
            for (Future<List<String>> f : results) assertThat(f.get()).isEmpty(); // by then each open had recovered everything
        } finally {
            pool.shutdownNow();
        }
        assertThat(warnings).isEmpty();
        try (SqliteRunStore s = SqliteRunStore.open(home)) {
            for (String id : abandoned) {
                RunRecord r = s.find(id).orElseThrow();
                assertThat(r.status()).isEqualTo("incomplete");
                assertThat(r.samples()).isEqualTo(2);
            }
            assertThat(s.find("live").orElseThrow().status()).isEqualTo("running");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("wattiq.db")); Statement st = c.createStatement()) {
            assertThat(count(st, "SELECT count(*) FROM run_energy WHERE run_id LIKE 'dead-%'")).as("one energy row per run: claimed once").isEqualTo(12);
            assertThat(count(st, "SELECT count(*) FROM run_notes WHERE run_id LIKE 'dead-%'")).isEqualTo(12);
        }
    }

    @Test
    void aFinishedRunIsNeverReclaimedEvenIfItsOwnerHasGone() throws Exception {
        long dead = deadPid();
        try (SqliteRunStore s = SqliteRunStore.open(home)) {
            s.begin(start("done", dead, null));
            RunRecord r = s.find("done").orElseThrow();
            s.finish(new RunRecord("done", "complete", r.command(), 0, T0, T0.plusSeconds(1), 1.0, "process", 0.1, Map.of(), null,
                    Hosts.name(), "estimated", 2.0, Map.of(), 2.0, 2.0, Double.NaN, 0, List.of(), Map.of(), List.of(), null));
            assertThat(s.recoverAbandoned()).isEmpty();
            assertThat(s.find("done").orElseThrow().status()).isEqualTo("complete");
        }
    }

    @Test
    void aRecoveryThatCannotWriteIsAWarningAndTheStoreStillOpens() throws Exception {
        long dead = deadPid();
        try (SqliteRunStore s = SqliteRunStore.open(home)) {
            s.begin(start("stuck", dead, null));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("wattiq.db")); Statement st = c.createStatement()) {
            // the outside world refuses the write (a full disk, a damaged page): the claim fails inside its transaction
            st.execute("CREATE TRIGGER refuse BEFORE UPDATE OF status ON runs BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
        }
        try (SqliteRunStore s = SqliteRunStore.open(home)) {
            assertThat(s.warnings()).singleElement().asString()
                    .startsWith("cannot mark the abandoned run stuck incomplete in " + home.resolve("wattiq.db") + " (")
                    .contains("disk I/O error").endsWith("it stays 'running' until a later start");
            assertThat(s.find("stuck").orElseThrow().status()).isEqualTo("running");
            s.begin(start("next", ProcessHandle.current().pid(), null)); // the store is usable: the next run records
            assertThat(s.find("next")).isPresent();
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }
}
