package dev.wattiq.app;

import dev.wattiq.app.store.RunStore;
import dev.wattiq.app.store.SqliteRunStore;
import dev.wattiq.app.store.StoreException;
import dev.wattiq.app.store.WattiqHome;

/** Opens the run store for a command; its failures become one-line user errors. */
final class Stores {
    private Stores() {
    }

    static RunStore open() {
        return open(null);
    }

    /** The store at {@code url} ({@code jdbc:postgresql://...}), or the SQLite store in WATTIQ_HOME when null. */
    static RunStore open(String url) {
        try {
            if (url != null) return dev.wattiq.app.store.PostgresRunStore.open(url, Hosts.name());
            return SqliteRunStore.open(WattiqHome.resolve());
        } catch (StoreException e) {
            throw new Errors.UserError(e.getMessage());
        }
    }
}
