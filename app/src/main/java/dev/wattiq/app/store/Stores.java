package dev.wattiq.app.store;

import dev.wattiq.app.cli.Errors;

/** Opens the run store for a command; its failures become one-line user errors. */
public final class Stores {
    private Stores() {
    }

    public static RunStore open() {
        return open(null);
    }

    /** The store at {@code url} ({@code jdbc:postgresql://...}), or the SQLite store in WATTIQ_HOME when null. */
    public static RunStore open(String url) {
        try {
            if (url != null) return PostgresRunStore.open(url, Hosts.name());
            return SqliteRunStore.open(WattiqHome.resolve());
        } catch (StoreException e) {
            throw new Errors.UserError(e.getMessage());
        }
    }
}
