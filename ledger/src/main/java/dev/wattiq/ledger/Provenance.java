package dev.wattiq.ledger;

import java.util.Objects;

/**
 * Where a value came from, as data: {@link #DEFAULT} (WattIQ chose it: a derivation, a built-in rule, a fallback),
 * {@link #USER} (the user gave it: a flag, a field of a request, their site file) or {@link DataFile} (a row of a data
 * file WattIQ ships, e.g. {@code models.csv} line 12). Only {@link #USER} values are the user's own; the rest are
 * defaults the user may want to replace. Which flag or field a user value came through is the app's to say.
 */
public sealed interface Provenance permits Provenance.Default, Provenance.User, Provenance.DataFile {
    /** WattIQ chose the value. */
    Default DEFAULT = new Default();
    /** The user gave the value. */
    User USER = new User();

    /** A row of a shipped data file. */
    static DataFile dataFile(String name, int row) {
        return new DataFile(name, row);
    }

    /** True when the user gave the value; false for defaults and shipped data. */
    default boolean isUser() {
        return this instanceof User;
    }

    /** WattIQ chose the value; see {@link #DEFAULT}. */
    record Default() implements Provenance {
        @Override
        public String toString() {
            return "default";
        }
    }

    /** The user gave the value; see {@link #USER}. */
    record User() implements Provenance {
        @Override
        public String toString() {
            return "user";
        }
    }

    /**
     * A row of a shipped data file.
     *
     * @param name the file's name, e.g. {@code models.csv}
     * @param row  the line the row starts on (1-based)
     */
    record DataFile(String name, int row) implements Provenance {
        public DataFile {
            Objects.requireNonNull(name, "name");
            if (row < 1) throw new IllegalArgumentException("a data file row is 1-based, got " + row);
        }

        @Override
        public String toString() {
            return name + ":" + row;
        }
    }
}
