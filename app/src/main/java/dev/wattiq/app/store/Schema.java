package dev.wattiq.app.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * The store's tables, versioned with SQLite's {@code user_version} pragma: migration {@code i} takes the schema
 * from version {@code i} to {@code i+1}, all in one transaction. A database from a newer WattIQ, or a SQLite file
 * that is not WattIQ's, is refused rather than touched.
 */
final class Schema {
    static final List<String[]> MIGRATIONS = List.<String[]>of(new String[] {
        """
        CREATE TABLE runs (
          run_id TEXT PRIMARY KEY, status TEXT NOT NULL, exit_code INTEGER,
          started_at_ms INTEGER NOT NULL, ended_at_ms INTEGER, duration_s REAL,
          scope TEXT NOT NULL, interval_s REAL NOT NULL, job TEXT, host TEXT,
          method TEXT, energy_total_j REAL NOT NULL DEFAULT 0, avg_power_w REAL, peak_power_w REAL, idle_power_w REAL,
          samples INTEGER NOT NULL DEFAULT 0,
          facility_energy_j REAL, cost REAL, currency TEXT, co2e_location_kg REAL, co2e_market_kg REAL, bill_json TEXT,
          owner_pid INTEGER, owner_started_at_ms INTEGER)""",
        "CREATE INDEX runs_status ON runs(status)",
        "CREATE INDEX runs_job ON runs(job)",
        "CREATE TABLE run_args (run_id TEXT NOT NULL REFERENCES runs(run_id), idx INTEGER NOT NULL, arg TEXT NOT NULL, PRIMARY KEY (run_id, idx))",
        "CREATE TABLE run_labels (run_id TEXT NOT NULL REFERENCES runs(run_id), key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (run_id, key))",
        """
        CREATE TABLE run_energy (run_id TEXT NOT NULL REFERENCES runs(run_id), component TEXT NOT NULL, device TEXT NOT NULL,
          energy_j REAL NOT NULL, device_energy_j REAL, method TEXT NOT NULL, name TEXT, uuid TEXT,
          PRIMARY KEY (run_id, component, device))""",
        """
        CREATE TABLE run_notes (run_id TEXT NOT NULL REFERENCES runs(run_id), seq INTEGER NOT NULL, kind TEXT NOT NULL,
          key TEXT, text TEXT NOT NULL, PRIMARY KEY (run_id, seq))""",
        """
        CREATE TABLE samples (run_id TEXT NOT NULL REFERENCES runs(run_id), seq INTEGER NOT NULL, time_ms INTEGER NOT NULL,
          interval_s REAL NOT NULL, total_w REAL NOT NULL, gap INTEGER NOT NULL, PRIMARY KEY (run_id, seq))""",
        """
        CREATE TABLE sample_power (run_id TEXT NOT NULL, seq INTEGER NOT NULL, component TEXT NOT NULL, power_w REAL NOT NULL,
          PRIMARY KEY (run_id, seq, component))""",
    }, new String[] {
        // 2: windows and work reported from inside the command (the control channel, issue 14); older runs have none
        "ALTER TABLE runs ADD COLUMN work_steps INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE runs ADD COLUMN work_samples INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE runs ADD COLUMN work_tokens INTEGER NOT NULL DEFAULT 0",
        """
        CREATE TABLE run_windows (run_id TEXT NOT NULL REFERENCES runs(run_id), seq INTEGER NOT NULL, name TEXT NOT NULL,
          start_s REAL NOT NULL, duration_s REAL NOT NULL, energy_total_j REAL, method TEXT, steps INTEGER NOT NULL,
          samples INTEGER NOT NULL, tokens INTEGER NOT NULL, notes TEXT, PRIMARY KEY (run_id, seq))""",
        """
        CREATE TABLE run_window_energy (run_id TEXT NOT NULL, seq INTEGER NOT NULL, component TEXT NOT NULL, energy_j REAL NOT NULL,
          PRIMARY KEY (run_id, seq, component))""",
    });
    static final int VERSION = MIGRATIONS.size();
    private static final Set<String> OURS = Set.of("runs", "run_args", "run_labels", "run_energy", "run_notes", "samples", "sample_power",
            "run_windows", "run_window_energy");

    private Schema() {
    }

    /** Refuses, without writing anything, a file that is not a WattIQ store this version can use. */
    static void check(Connection c, String file) throws SQLException, StoreException {
        int version = version(c);
        if (version > VERSION) {
            throw new StoreException(file + " was written by a newer WattIQ (schema " + version + ", this one knows " + VERSION
                    + "): upgrade wattiq, or set WATTIQ_HOME to another directory");
        }
        if (version == 0) refuseForeign(c, file);
    }

    /**
     * Brings a checked database to {@link #VERSION} under the write lock ({@code BEGIN IMMEDIATE}, waiting the busy
     * timeout), reading the version again inside it: of several processes starting on a new file, one migrates and the
     * others find it done. {@code file} is only for messages.
     */
    static void migrate(Connection c, String file) throws SQLException, StoreException {
        if (version(c) == VERSION) return; // the usual case: no lock taken
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                int version = version(c);
                if (version > VERSION) {
                    throw new StoreException(file + " was written by a newer WattIQ (schema " + version + ", this one knows " + VERSION
                            + "): upgrade wattiq, or set WATTIQ_HOME to another directory");
                }
                for (int v = version; v < VERSION; v++) {
                    for (String sql : MIGRATIONS.get(v)) s.executeUpdate(sql);
                }
                if (version < VERSION) s.executeUpdate("PRAGMA user_version = " + VERSION); // a pragma takes no parameters; VERSION is our constant
                s.execute("COMMIT");
            } catch (SQLException | StoreException | RuntimeException e) {
                try {
                    s.execute("ROLLBACK");
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
                throw e;
            }
        }
    }

    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void refuseForeign(Connection c, String file) throws SQLException, StoreException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            while (rs.next()) {
                if (!OURS.contains(rs.getString(1))) {
                    throw new StoreException(file + " is a SQLite database but not WattIQ's (it has a table '" + rs.getString(1)
                            + "'): move it aside (e.g. mv " + file + " " + file + ".bak) or set WATTIQ_HOME to another directory");
                }
            }
        }
    }
}
