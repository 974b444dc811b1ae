package dev.wattiq.app.store;

import dev.wattiq.app.cli.Errors;
import java.io.PrintWriter;

/**
 * Opens the run store for a command; its failures become one-line user errors, and the problems it met but got
 * past (recovering abandoned runs, a read-only WATTIQ_HOME) are printed as warnings.
 */
public final class Stores {
    private Stores() {
    }

    public static RunStore open() {
        return open(null, null);
    }

    public static RunStore open(String url) {
        return open(url, null);
    }

    /**
     * The store at {@code url} ({@code jdbc:postgresql://...}), or the SQLite store in WATTIQ_HOME when null; its
     * warnings go to {@code err} (standard error when null).
     */
    public static RunStore open(String url, PrintWriter err) {
        return open(url, err, false);
    }

    /** For commands that only read: as {@link #open(String, PrintWriter)}, but a read-only WATTIQ_HOME is read as it is. */
    public static RunStore openForReading(String url, PrintWriter err) {
        return open(url, err, true);
    }

    /** What a command reads from the store. */
    @FunctionalInterface
    public interface Query<T> {
        T read(RunStore store) throws StoreException;
    }

    /**
     * Opens the store for reading ({@link #openForReading}), answers {@code query} from it and closes it; a failure of
     * the store is a one-line user error.
     */
    public static <T> T read(String url, PrintWriter err, Query<T> query) {
        try (RunStore s = openForReading(url, err)) {
            return query.read(s);
        } catch (StoreException e) {
            throw new Errors.UserError(e.getMessage());
        }
    }

    private static RunStore open(String url, PrintWriter err, boolean reading) {
        try {
            RunStore s = url != null ? PostgresRunStore.open(url, Hosts.name())
                    : reading ? SqliteRunStore.openForReading(WattiqHome.resolve()) : SqliteRunStore.open(WattiqHome.resolve());
            return warn(s, err);
        } catch (StoreException e) {
            throw new Errors.UserError(e.getMessage());
        }
    }

    private static RunStore warn(RunStore s, PrintWriter err) {
        PrintWriter w = err != null ? err : new PrintWriter(System.err, true);
        for (String warning : s.warnings()) w.println("wattiq: warning: " + warning);
        w.flush();
        return s;
    }
}
