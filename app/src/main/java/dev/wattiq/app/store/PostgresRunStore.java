package dev.wattiq.app.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * The run store in a shared PostgreSQL database ({@code --store jdbc:postgresql://host/db?user=...}), so that the
 * ranks of a job on several nodes record into one place and {@code wattiq report --job} sums them. Same tables as
 * the SQLite store (double precision and bigint where SQLite's types are wider than PostgreSQL's names), created
 * on first use under an advisory lock so that ranks starting together do not race. Parameterised SQL only.
 */
public final class PostgresRunStore extends JdbcRunStore {
    private static final int VERSION = 2;
    private static final long SCHEMA_LOCK = 0x57415454_49510001L; // "WATTIQ" schema migration lock id
    private static final List<String> SCHEMA = List.of(
            """
            CREATE TABLE IF NOT EXISTS runs (
              run_id TEXT PRIMARY KEY, status TEXT NOT NULL, exit_code INTEGER,
              started_at_ms BIGINT NOT NULL, ended_at_ms BIGINT, duration_s DOUBLE PRECISION,
              scope TEXT NOT NULL, interval_s DOUBLE PRECISION NOT NULL, job TEXT, host TEXT,
              method TEXT, energy_total_j DOUBLE PRECISION NOT NULL DEFAULT 0, avg_power_w DOUBLE PRECISION,
              peak_power_w DOUBLE PRECISION, idle_power_w DOUBLE PRECISION, samples BIGINT NOT NULL DEFAULT 0,
              facility_energy_j DOUBLE PRECISION, cost DOUBLE PRECISION, currency TEXT, co2e_location_kg DOUBLE PRECISION,
              co2e_market_kg DOUBLE PRECISION, bill_json TEXT, owner_pid BIGINT, owner_started_at_ms BIGINT)""",
            "CREATE INDEX IF NOT EXISTS runs_status ON runs(status)",
            "CREATE INDEX IF NOT EXISTS runs_job ON runs(job)",
            "CREATE TABLE IF NOT EXISTS run_args (run_id TEXT NOT NULL REFERENCES runs(run_id), idx INTEGER NOT NULL, arg TEXT NOT NULL, PRIMARY KEY (run_id, idx))",
            "CREATE TABLE IF NOT EXISTS run_labels (run_id TEXT NOT NULL REFERENCES runs(run_id), key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (run_id, key))",
            """
            CREATE TABLE IF NOT EXISTS run_energy (rowid BIGSERIAL, run_id TEXT NOT NULL REFERENCES runs(run_id), component TEXT NOT NULL,
              device TEXT NOT NULL, energy_j DOUBLE PRECISION NOT NULL, device_energy_j DOUBLE PRECISION, method TEXT NOT NULL, name TEXT,
              uuid TEXT, PRIMARY KEY (run_id, component, device))""",
            """
            CREATE TABLE IF NOT EXISTS run_notes (run_id TEXT NOT NULL REFERENCES runs(run_id), seq INTEGER NOT NULL, kind TEXT NOT NULL,
              key TEXT, text TEXT NOT NULL, PRIMARY KEY (run_id, seq))""",
            """
            CREATE TABLE IF NOT EXISTS samples (run_id TEXT NOT NULL REFERENCES runs(run_id), seq BIGINT NOT NULL, time_ms BIGINT NOT NULL,
              interval_s DOUBLE PRECISION NOT NULL, total_w DOUBLE PRECISION NOT NULL, gap INTEGER NOT NULL, PRIMARY KEY (run_id, seq))""",
            """
            CREATE TABLE IF NOT EXISTS sample_power (rowid BIGSERIAL, run_id TEXT NOT NULL, seq BIGINT NOT NULL, component TEXT NOT NULL,
              power_w DOUBLE PRECISION NOT NULL, PRIMARY KEY (run_id, seq, component))""",
            // SQLite's total(): a sum that is 0.0, not NULL, over no rows
            """
            DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'total' AND prokind = 'a') THEN
                CREATE AGGREGATE total(double precision) (SFUNC = float8pl, STYPE = double precision, INITCOND = '0');
              END IF;
            END $$""",
            "CREATE TABLE IF NOT EXISTS wattiq_schema (version INTEGER NOT NULL)",
            // 2: windows and work reported from inside the command (issue 14)
            "ALTER TABLE runs ADD COLUMN IF NOT EXISTS work_steps BIGINT NOT NULL DEFAULT 0",
            "ALTER TABLE runs ADD COLUMN IF NOT EXISTS work_samples BIGINT NOT NULL DEFAULT 0",
            "ALTER TABLE runs ADD COLUMN IF NOT EXISTS work_tokens BIGINT NOT NULL DEFAULT 0",
            """
            CREATE TABLE IF NOT EXISTS run_windows (run_id TEXT NOT NULL REFERENCES runs(run_id), seq INTEGER NOT NULL, name TEXT NOT NULL,
              start_s DOUBLE PRECISION NOT NULL, duration_s DOUBLE PRECISION NOT NULL, energy_total_j DOUBLE PRECISION, method TEXT,
              steps BIGINT NOT NULL, samples BIGINT NOT NULL, tokens BIGINT NOT NULL, notes TEXT, PRIMARY KEY (run_id, seq))""",
            """
            CREATE TABLE IF NOT EXISTS run_window_energy (rowid BIGSERIAL, run_id TEXT NOT NULL, seq INTEGER NOT NULL, component TEXT NOT NULL,
              energy_j DOUBLE PRECISION NOT NULL, PRIMARY KEY (run_id, seq, component))""");

    private PostgresRunStore(String location, Connection c, String host) {
        super(location, c, host);
    }

    /**
     * Connects, creates the tables when missing, and marks this host's abandoned runs incomplete.
     *
     * @param url   a {@code jdbc:postgresql://} URL; user and password as URL parameters or PGUSER/PGPASSWORD
     * @param host  this machine's name (only its own abandoned runs are recovered)
     */
    public static PostgresRunStore open(String url, String host) throws StoreException {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new StoreException("--store " + redact(url) + " is not supported: give jdbc:postgresql://HOST[:PORT]/DB?user=NAME, or leave --store"
                    + " out for the local SQLite store");
        }
        Properties props = new Properties();
        String user = System.getenv("PGUSER");
        String password = System.getenv("PGPASSWORD");
        if (user != null && !url.contains("user=")) props.setProperty("user", user);
        if (password != null && !url.contains("password=")) props.setProperty("password", password);
        props.setProperty("connectTimeout", "10");
        props.setProperty("ApplicationName", "wattiq");
        Connection c = null;
        try {
            c = DriverManager.getConnection(url, props);
            try (Statement st = c.createStatement()) {
                // every lock wait (the schema's advisory lock, a row another start is claiming) ends in 10 s with an error
                st.execute("SET lock_timeout = '" + SqliteRunStore.BUSY_TIMEOUT_MS + "ms'"); // our constant, not input
            }
            migrate(c, redact(url));
            PostgresRunStore store = new PostgresRunStore(redact(url), c, host);
            store.recoverAbandoned();
            return store;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException("cannot use the PostgreSQL run store " + redact(url) + " (" + oneLine(e) + "): check the URL, that the server"
                    + " is running and reachable, and the user's password (PGPASSWORD) and rights (CREATE on the database the first time)", e);
        } catch (StoreException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static void migrate(Connection c, String where) throws SQLException, StoreException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")"); // a constant of ours, not input
            int version = 0;
            try (ResultSet rs = s.executeQuery("SELECT to_regclass('wattiq_schema') IS NOT NULL")) {
                if (rs.next() && rs.getBoolean(1)) {
                    try (ResultSet v = s.executeQuery("SELECT coalesce(max(version), 0) FROM wattiq_schema")) {
                        if (v.next()) version = v.getInt(1);
                    }
                }
            }
            if (version > VERSION) {
                throw new StoreException(where + " was written by a newer WattIQ (schema " + version + ", this one knows " + VERSION + "): upgrade wattiq");
            }
            // DDL only when the schema is behind: even "IF NOT EXISTS" locks its table (ALTER TABLE exclusively), and run on
            // every open it deadlocked with other ranks' writes (recovery's claim) when ranks start together
            if (version < VERSION) {
                for (String sql : SCHEMA) s.execute(sql);
                s.executeUpdate("INSERT INTO wattiq_schema (version) VALUES (" + VERSION + ")");
            }
            c.commit();
        } catch (SQLException | StoreException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** The URL without its password, for messages. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String oneLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ');
    }
}
