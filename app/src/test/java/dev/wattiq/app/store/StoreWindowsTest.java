package dev.wattiq.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wattiq.meter.control.Work;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Windows and work in the store: a schema-1 SQLite store migrated with its runs intact, windows written while the run
 * goes on (and kept by a killed wattiq), replaced by the final list at its end; the same on PostgreSQL.
 */
class StoreWindowsTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");

    @TempDir
    Path home;

    static RunStart start(String id, long ownerPid) {
        return new RunStart(id, List.of("python3", "train.py"), T0, "process", 0.1, Map.of(), null, "this-host", ownerPid, null, "estimated");
    }

    static RunWindow window(String name, double start, double joules, long steps) {
        return new RunWindow(name, start, 1.5, joules, Map.of("cpu", joules * 0.75, "memory", joules * 0.25), "estimated",
                new Work(steps, steps * 32, 0), name.equals("epoch-1") ? List.of("a note", "another") : List.of());
    }

    static RunRecord finished(RunStore s, String id, List<RunWindow> windows, Work work) throws StoreException {
        RunRecord live = s.find(id).orElseThrow();
        return new RunRecord(id, "complete", live.command(), 0, T0, T0.plusSeconds(5), 5.0, "process", 0.1, Map.of(), null, "this-host",
                "estimated", 20, Map.of("cpu", 15.0, "memory", 5.0), 4, 6, Double.NaN, 0, List.of(), Map.of(), List.of(), null, windows, work);
    }

    @Test
    void aSchemaOneStoreIsMigratedWithItsRunsIntact() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("wattiq.db")); Statement st = c.createStatement()) {
            for (String sql : Schema.MIGRATIONS.getFirst()) st.executeUpdate(sql);
            st.executeUpdate("PRAGMA user_version = 1");
            st.executeUpdate("INSERT INTO runs (run_id, status, started_at_ms, scope, interval_s, energy_total_j, samples) "
                    + "VALUES ('old-1', 'complete', 1700000000000, 'process', 0.1, 12.5, 0)");
            st.executeUpdate("INSERT INTO run_args (run_id, idx, arg) VALUES ('old-1', 0, 'sleep')");
        }
        try (SqliteRunStore s = SqliteRunStore.open(home)) {
            RunRecord old = s.find("old-1").orElseThrow();
            assertThat(old.totalJoules()).isEqualTo(12.5);
            assertThat(old.command()).containsExactly("sleep");
            assertThat(old.windows()).isEmpty();
            assertThat(old.work()).isEqualTo(Work.NONE);
            assertThat(s.list(10)).singleElement().satisfies(r -> assertThat(r.work()).isEqualTo(Work.NONE));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("wattiq.db")); Statement st = c.createStatement();
             var rs = st.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(Schema.VERSION).isEqualTo(2);
        }
    }

    @Test
    void windowsAreStoredAsTheyCloseAndReplacedByTheFinalList() throws Exception {
        try (SqliteRunStore s = SqliteRunStore.open(home)) {
            roundTrip(s, "r-" + UUID.randomUUID());
        }
    }

    @Test
    void theWindowsOfAKilledWattiqAreKept() throws Exception {
        try (SqliteRunStore s = SqliteRunStore.open(home)) {
            // an owner pid that is not running, on this machine (a start recovers only its own host's abandoned runs)
            s.begin(new RunStart("gone", List.of("python3", "train.py"), T0, "process", 0.1, Map.of(), null, Hosts.name(), 999_999_999L,
                    null, "estimated"));
            s.addWindows("gone", 0, List.of(window("epoch-0", 1, 10, 7)), new Work(9, 288, 0));
        }
        try (SqliteRunStore s = SqliteRunStore.open(home)) { // opening recovers the abandoned run
            RunRecord r = s.find("gone").orElseThrow();
            assertThat(r.status()).isEqualTo("incomplete");
            assertThat(r.windows()).extracting(RunWindow::name).containsExactly("epoch-0");
            assertThat(r.work()).isEqualTo(new Work(9, 288, 0));
        }
    }

    @Test
    void postgresKeepsWindowsToo() throws Exception {
        String url = PostgresStoreTest.url();
        try (PostgresRunStore s = PostgresRunStore.open(url, "this-host")) {
            roundTrip(s, "pgw-" + UUID.randomUUID());
        }
    }

    static void roundTrip(RunStore s, String id) throws StoreException {
        s.begin(start(id, ProcessHandle.current().pid()));
        s.addWindows(id, 0, List.of(window("epoch-0", 1, 10, 7)), new Work(7, 224, 0));
        s.addWindows(id, 1, List.of(window("epoch-1", 2.5, 12, 8), window("eval", 2.0, 1, 0)), new Work(15, 480, 0));
        RunRecord running = s.find(id).orElseThrow();
        assertThat(running.status()).isEqualTo("running");
        assertThat(running.windows()).extracting(RunWindow::name).containsExactly("epoch-0", "eval", "epoch-1"); // by start
        assertThat(running.work()).isEqualTo(new Work(15, 480, 0));
        assertThat(s.windows(id).get(2)).isEqualTo(window("epoch-1", 2.5, 12, 8));
        List<RunWindow> last = List.of(window("epoch-0", 1, 10, 7), window("epoch-1", 2.5, 12, 8), window("epoch-2", 4, 9, 8));
        s.finish(finished(s, id, last, new Work(23, 736, 100)));
        RunRecord back = s.find(id).orElseThrow();
        assertThat(back.windows()).isEqualTo(last);
        assertThat(back.windows().get(1).notes()).containsExactly("a note", "another");
        assertThat(back.work()).isEqualTo(new Work(23, 736, 100));
        assertThat(s.list(500)).filteredOn(r -> r.runId().equals(id)).singleElement()
                .satisfies(r -> assertThat(r.work()).isEqualTo(new Work(23, 736, 100)));
    }
}
