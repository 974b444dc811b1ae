package dev.wattiq.app.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/**
 * The run store in one SQLite file ({@code $WATTIQ_HOME/wattiq.db}) in WAL mode: every committed batch of samples
 * survives a {@code kill -9} of wattiq. One connection, used under this object's lock. Parameterised SQL only.
 */
public final class SqliteRunStore extends JdbcRunStore {
    /** The store's file name inside WATTIQ_HOME. */
    public static final String FILE_NAME = "wattiq.db";

    private SqliteRunStore(Path file, Connection c) {
        super(file.toString(), c, null);
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

    /** Opens (creating if needed) the store in {@code home}, migrates it, and marks abandoned runs incomplete. */
    public static SqliteRunStore open(Path home) throws StoreException {
        WattiqHome.ensureWritable(home);
        Path file = home.resolve(FILE_NAME);
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new StoreException(file + " is not a regular file: move it aside (e.g. mv " + file + " " + file + ".bak) and run again");
        }
        // WAL is switched on only after the file is known to be ours: the switch rewrites the file's header.
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        Connection c = null;
        try {
            c = config.createConnection("jdbc:sqlite:" + file);
            Schema.check(c, file.toString());
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = NORMAL"); // in WAL mode: a commit survives a crash of wattiq, not a power cut
            }
            Schema.migrate(c, file.toString());
            SqliteRunStore store = new SqliteRunStore(file, c);
            store.recoverAbandoned();
            return store;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException("cannot use the run store " + file + " (" + sqliteReason(e) + "): if it is damaged, move it aside (e.g. mv "
                    + file + " " + file + ".bad) and run again to start a new store", e);
        } catch (StoreException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    static String sqliteReason(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int paren = m.lastIndexOf('(');
        if (m.startsWith("[SQLITE_") && paren > 0 && m.endsWith(")")) m = m.substring(paren + 1, m.length() - 1);
        return m.replace('\n', ' ');
    }
}
