package dev.wattiq.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store on real files: round trip, schema version, WAL, refusal of foreign files, recovery of abandoned runs. */
class SqliteRunStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");

    @TempDir
    Path home;

    private static RunStart start(String id, long ownerPid, Instant ownerStart) {
        return start(id, ownerPid, ownerStart, "node-1");
    }

    private static RunStart start(String id, long ownerPid, Instant ownerStart, String host) {
        return new RunStart(id, List.of("python", "train.py", "--lr", "it's \"quoted\"; DROP TABLE runs"), T0, "process", 0.1,
                Map.of("model", "tiny"), "job-1", host, ownerPid, ownerStart, "measured");
    }

    private static StoredSample sample(long seq, double watts) {
        return new StoredSample(seq, T0.plusMillis(100 * (seq + 1)), 0.1, watts, Map.of("cpu_package", watts * 0.75, "dram", watts * 0.25), seq == 2);
    }

    @Test
    void roundTripOfAFinishedRun() throws Exception {
        try (SqliteRunStore s = SqliteRunStore.open(home)) {
            s.begin(start("r-1", ProcessHandle.current().pid(), null));
            s.appendSamples("r-1", List.of(sample(0, 10), sample(1, 20)));
            s.appendSamples("r-1", List.of(sample(2, 30)));
            RunRecord running = s.find("r-1").orElseThrow();
            assertThat(running.status()).isEqualTo("running");
            assertThat(running.samples()).isEqualTo(3);
            assertThat(running.totalJoules()).isCloseTo(6.0, org.assertj.core.data.Offset.offset(1e-12));
            RunRecord done = new RunRecord("r-1", "complete", running.command(), 0, T0, T0.plusSeconds(1), 1.0, "process", 0.1, Map.of("model", "tiny"),
                    "job-1", "node-1", "measured", 6.5, Map.of(), 6.5, 30, Double.NaN, 3,
                    List.of(new RunRecord.DeviceEnergy("cpu_package", "package-0", 5, 9, "measured", "AMD EPYC", null),
                            new RunRecord.DeviceEnergy("dram", "package-0", 1.5, 2, "measured", null, null)),
                    Map.of("cpu_model", "AMD EPYC"), List.of("a note"),
                    dev.wattiq.app.run.Bills.bill(dev.wattiq.ledger.Site.builder().region("FR").pue(1.2, "test").build(), T0, 1.0, 6.5, List.of()));
            s.finish(done);
            RunRecord back = s.find("r-1").orElseThrow();
            assertThat(back.command()).containsExactly("python", "train.py", "--lr", "it's \"quoted\"; DROP TABLE runs");
            assertThat(back.status()).isEqualTo("complete");
            assertThat(back.exitCode()).isZero();
            assertThat(back.totalJoules()).isEqualTo(6.5);
            assertThat(back.joulesByComponent()).containsExactly(Map.entry("cpu_package", 5.0), Map.entry("dram", 1.5));
            assertThat(back.devices()).isEqualTo(done.devices());
            assertThat(back.idlePowerWatts()).isNaN();
            assertThat(back.labels()).isEqualTo(Map.of("model", "tiny"));
            assertThat(back.assumptions()).isEqualTo(Map.of("cpu_model", "AMD EPYC"));
            assertThat(back.notes()).containsExactly("a note");
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper(); // the bill's contract is its JSON (numbers as JSON numbers)
            assertThat(dev.wattiq.app.output.BillJson.write(back.bill(), mapper.createObjectNode()))
                    .isEqualTo(dev.wattiq.app.output.BillJson.write(done.bill(), mapper.createObjectNode()));
            assertThat(back.bill().facilityEnergyJoules()).isCloseTo(6.5 * 1.2, org.assertj.core.data.Offset.offset(1e-9));
            List<StoredSample> samples = new ArrayList<>();
            s.forEachSample("r-1", samples::add);
            assertThat(samples).containsExactly(sample(0, 10), sample(1, 20), sample(2, 30));
            assertThat(s.find("r-").orElseThrow().runId()).isEqualTo("r-1");
            assertThat(s.find("zz")).isEmpty();
        }
    }

    @Test
    void schemaIsVersionedAndInWalMode() throws Exception {
        SqliteRunStore.open(home).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("wattiq.db")); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                assertThat(rs.getInt(1)).isEqualTo(Schema.VERSION).isPositive();
            }
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                assertThat(rs.getString(1)).isEqualTo("wal");
            }
        }
        SqliteRunStore.open(home).close(); // reopening an up-to-date store migrates nothing
    }

    @Test
    void newerSchemaAndForeignDatabasesAreRefusedUntouched() throws Exception {
        Path db = home.resolve("wattiq.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE invoices (id INTEGER)");
        }
        byte[] before = Files.readAllBytes(db);
        assertThatThrownBy(() -> SqliteRunStore.open(home)).isInstanceOf(StoreException.class)
                .hasMessage(db + " is a SQLite database but not WattIQ's (it has a table 'invoices'): move it aside (e.g. mv " + db + " " + db
                        + ".bak) or set WATTIQ_HOME to another directory");
        assertThat(java.util.Arrays.equals(Files.readAllBytes(db), before)).as("file untouched").isTrue();
        Files.delete(db);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.executeUpdate("PRAGMA user_version = 99");
        }
        assertThatThrownBy(() -> SqliteRunStore.open(home)).isInstanceOf(StoreException.class)
                .hasMessageContaining("was written by a newer WattIQ (schema 99, this one knows " + Schema.VERSION + ")");
    }

    @Test
    void aKilledOwnerNotYetReapedCountsAsGone() throws Exception {
        // sh starts a child and execs sleep, which never reaps it: once the child ends it stays a zombie while sleep runs
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0.2 & echo $!; exec sleep 5").start();
        try {
            long zombie = Long.parseLong(new java.io.BufferedReader(new java.io.InputStreamReader(parent.getInputStream())).readLine().strip());
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!Files.readString(Path.of("/proc", Long.toString(zombie), "stat")).contains(") Z ") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(ProcessHandle.of(zombie)).isPresent();
            assertThat(OwnerCheck.alive(zombie, null)).isFalse();
            assertThat(OwnerCheck.alive(ProcessHandle.current().pid(), null)).isTrue();
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void abandonedRunsAreMarkedIncompleteAndLiveOnesAreLeftAlone() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long me = ProcessHandle.current().pid();
        Instant myStart = ProcessHandle.current().info().startInstant().orElseThrow();
        try (SqliteRunStore s = SqliteRunStore.open(home)) {
            String here = Hosts.name();
            s.begin(start("dead-owner", gone.pid(), null, here));
            s.appendSamples("dead-owner", List.of(sample(0, 10), sample(1, 30)));
            s.begin(start("reused-pid", me, myStart.minusSeconds(3600), here)); // same pid, another process's start time
            s.begin(start("live-owner", me, myStart, here));
            s.begin(start("other-host", gone.pid(), null, "node-elsewhere")); // its pid means nothing here: not provably gone
            assertThat(s.recoverAbandoned()).containsExactlyInAnyOrder("dead-owner", "reused-pid");
            assertThat(s.find("other-host").orElseThrow().status()).isEqualTo("running");
            assertThat(s.warnings()).isEmpty();
            RunRecord r = s.find("dead-owner").orElseThrow();
            assertThat(r.status()).isEqualTo("incomplete");
            assertThat(r.samples()).isEqualTo(2);
            assertThat(r.totalJoules()).isCloseTo(4.0, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(r.joulesByComponent().get("cpu_package")).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(r.method()).isEqualTo("integrated");
            assertThat(r.peakPowerWatts()).isEqualTo(30);
            assertThat(r.endedAt()).isEqualTo(T0.plusMillis(200));
            assertThat(r.durationSeconds()).isEqualTo(0.2);
            assertThat(s.find("live-owner").orElseThrow().status()).isEqualTo("running");
            assertThat(s.recoverAbandoned()).isEmpty();
        }
    }
}
