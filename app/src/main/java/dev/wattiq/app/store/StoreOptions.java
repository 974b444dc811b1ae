package dev.wattiq.app.store;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * {@code --store URL}, declared once: a picocli mixin of {@code serve}, {@code report} and {@code runs tag}
 * ({@code run} declares its own in code, on its start-up path). Opens the store through {@link Stores}.
 */
public final class StoreOptions {
    @Option(names = "--store", paramLabel = "URL",
            description = "The run store (default: the SQLite store in $WATTIQ_HOME); a PostgreSQL store shared by several machines: "
                    + "jdbc:postgresql://HOST[:PORT]/DB?user=NAME (password from PGPASSWORD).")
    String url;

    /** The store, to write to ({@link Stores#open(String, PrintWriter)}); its warnings go to {@code err}. */
    public RunStore open(PrintWriter err) {
        return Stores.open(url, err);
    }

    /** The store, only to read ({@link Stores#openForReading}); its warnings go to {@code err}. */
    public RunStore openForReading(PrintWriter err) {
        return Stores.openForReading(url, err);
    }

    /** Answers {@code query} from the store, opened only to read ({@link Stores#read}). */
    public <T> T read(PrintWriter err, Stores.Query<T> query) {
        return Stores.read(url, err, query);
    }
}
