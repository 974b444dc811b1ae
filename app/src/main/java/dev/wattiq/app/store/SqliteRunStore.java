package dev.wattiq.app.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * The run store in one SQLite file ({@code $WATTIQ_HOME/wattiq.db}) in WAL mode: every committed batch of samples
 * survives a {@code kill -9} of wattiq. One connection, used under this object's lock. Parameterised SQL only.
 *
 * <p>Many wattiq processes share the file. Every write transaction is {@code BEGIN IMMEDIATE}: it takes the write
 * lock before reading anything, waiting up to {@link #BUSY_TIMEOUT_MS} for another writer, so a read-then-write can
 * never meet SQLite's immediate "database is locked" of a deferred transaction that tries to upgrade. Opening,
 * switching to WAL and migrating wait the same way.
 */
public final class SqliteRunStore extends JdbcRunStore {
    /** The store's file name inside WATTIQ_HOME. */
    public static final String FILE_NAME = "wattiq.db";
    /**
     * How long any statement waits for another process's lock before failing: generous, because on a loaded machine
     * (16 starts at once on 2 busy cores, bench/concurrent-runs.sh) a writer can be descheduled inside its short
     * transaction for seconds, and waiting costs nothing while failing loses a run's record.
     */
    static final int BUSY_TIMEOUT_MS = 60_000;
    private final boolean readOnly;

    private SqliteRunStore(Path file, Connection c, boolean readOnly) {
        super(file.toString(), c, Hosts.name());
        this.readOnly = readOnly;
    }

    /**
     * Loads SQLite's native library and initialises the driver's classes (its configuration builds date formats from
     * the locale's calendar data) and the JSON mapper of the bill column: about 70 ms of a cold start that has no side
     * effect, so {@code wattiq} starts it on a second thread while it parses the command line. Safe to call from any thread, any number of times; failures
     * are left for {@link #open} to report.
     */
    public static void preload() {
        try {
            org.sqlite.SQLiteJDBCLoader.initialize();
            new SQLiteConfig().toProperties();
            BillColumn.warmUp();
        } catch (Exception | LinkageError ignored) {
            // open() meets the same problem and reports it
        }
    }

    /**
     * Opens (creating if needed) the store in {@code home}, migrates it, and marks abandoned runs incomplete (a problem
     * doing so is a {@link #warnings() warning}, never a failure).
     */
    public static SqliteRunStore open(Path home) throws StoreException {
        WattiqHome.ensureWritable(home);
        Path file = checkedFile(home);
        // WAL is switched on only after the file is known to be ours: the switch rewrites the file's header.
        return opened(file, () -> config(false).createConnection("jdbc:sqlite:" + file), c -> {
            Schema.check(c, file.toString());
            try (Statement st = c.createStatement()) {
                if (!"wal".equalsIgnoreCase(pragma(st, "journal_mode"))) st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = NORMAL"); // in WAL mode: a commit survives a crash of wattiq, not a power cut
            }
            Schema.migrate(c, file.toString());
            SqliteRunStore store = new SqliteRunStore(file, c, false);
            store.recoverAbandoned();
            return store;
        });
    }

    /**
     * The store for a command that only reads ({@code runs}, {@code show}, {@code report}, {@code serve}): as
     * {@link #open} where WATTIQ_HOME can be written; where it cannot (a read-only mount, another user's directory),
     * the file opened read-only, without migration or recovery, or an empty store when there is no file yet. Such a
     * store says so in its {@link #warnings()}.
     */
    public static SqliteRunStore openForReading(Path home) throws StoreException {
        if (!Files.exists(home) || Files.isDirectory(home) && Files.isWritable(home)
                && (!Files.exists(home.resolve(FILE_NAME)) || Files.isWritable(home.resolve(FILE_NAME)))) {
            try {
                return open(home);
            } catch (StoreException e) {
                if (Files.exists(home) || !(e.getCause() instanceof java.io.IOException)) throw e;
                // no home and none can be made (read-only parent): nothing stored yet
            }
        }
        if (Files.exists(home) && !Files.isDirectory(home)) WattiqHome.ensureWritable(home); // the usual one-line error
        Path file = home.resolve(FILE_NAME);
        boolean none = !Files.exists(file);
        return opened(file, () -> none ? config(false).createConnection("jdbc:sqlite::memory:") : readOnly(checkedFile(home)), c -> {
            if (none) {
                Schema.migrate(c, ":memory:");
            } else {
                Schema.check(c, file.toString());
                if (Schema.version(c) != Schema.VERSION) {
                    throw new StoreException(file + " needs upgrading, which a read-only WATTIQ_HOME does not allow: make " + home
                            + " writable and run 'wattiq runs' once");
                }
            }
            SqliteRunStore store = new SqliteRunStore(file, c, true);
            store.note("WATTIQ_HOME " + home + " is read-only: showing the store as it is (runs whose recorder died still show as running)");
            return store;
        });
    }

    /** Connects to the store's database. */
    @FunctionalInterface
    private interface Connecting {
        Connection connect() throws SQLException, StoreException;
    }

    /** Makes the store on a fresh connection. */
    @FunctionalInterface
    private interface Building {
        SqliteRunStore build(Connection c) throws SQLException, StoreException;
    }

    /** Connects and builds the store; a failure closes the connection, and a database error says the file is damaged. */
    private static SqliteRunStore opened(Path file, Connecting connecting, Building building) throws StoreException {
        Connection c = null;
        try {
            c = connecting.connect();
            return building.build(c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw damaged(file, e);
        } catch (StoreException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** Read-only: plain {@code mode=ro} (needs the WAL's shared-memory file), else {@code immutable} (the last checkpoint). */
    private static Connection readOnly(Path file) throws SQLException {
        SQLiteConfig ro = config(true);
        try {
            Connection c = ro.createConnection("jdbc:sqlite:file:" + file.toUri().getRawPath() + "?mode=ro");
            try (Statement st = c.createStatement()) {
                st.executeQuery("SELECT count(*) FROM sqlite_master").close();
            }
            return c;
        } catch (SQLException e) {
            return ro.createConnection("jdbc:sqlite:file:" + file.toUri().getRawPath() + "?immutable=1");
        }
    }

    private static SQLiteConfig config(boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        if (readOnly) {
            config.setReadOnly(true);
            config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
        }
        return config;
    }

    private static Path checkedFile(Path home) throws StoreException {
        Path file = home.resolve(FILE_NAME);
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new StoreException(file + " is not a regular file: move it aside (e.g. mv " + file + " " + file + ".bak) and run again");
        }
        return file;
    }

    private static StoreException damaged(Path file, SQLException e) {
        return new StoreException("cannot use the run store " + file + " (" + sqliteReason(e) + "): if it is damaged, move it aside (e.g. mv "
                + file + " " + file + ".bad) and run again to start a new store", e);
    }

    private static String pragma(Statement st, String name) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA " + name)) { // our constant names only
            return rs.next() ? rs.getString(1) : "";
        }
    }

    @Override
    protected void beginWrite() throws SQLException {
        if (readOnly) throw new SQLException("the store is open read-only");
        try (Statement st = c.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
        }
    }

    @Override
    protected void commitWrite() throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("COMMIT");
        }
    }

    @Override
    protected void rollbackWrite() throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ROLLBACK");
        }
    }

    static String sqliteReason(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int paren = m.lastIndexOf('(');
        if (m.startsWith("[SQLITE_") && paren > 0 && m.endsWith(")")) m = m.substring(paren + 1, m.length() - 1);
        return m.replace('\n', ' ');
    }
}
