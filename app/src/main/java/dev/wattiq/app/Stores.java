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
        try {
            return SqliteRunStore.open(WattiqHome.resolve());
        } catch (StoreException e) {
            throw new Errors.UserError(e.getMessage());
        }
    }
}
