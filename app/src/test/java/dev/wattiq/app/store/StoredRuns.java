package dev.wattiq.app.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Runs put in a store as wattiq stores them, where a real command could not be relied on to produce one. */
public final class StoredRuns {
    private StoredRuns() {
    }

    /**
     * A complete run of {@code true} charged nothing, 0 J: it ended before its sensors could open (whether a real
     * {@code true} beats the sensors' start depends on the machine's load, so the test stores it).
     */
    public static void chargedNothing(Path home, String id) throws Exception {
        try (SqliteRunStore s = SqliteRunStore.open(home)) {
            Instant t0 = Instant.now();
            s.begin(new RunStart(id, List.of("true"), t0, "process", 0.1, Map.of(), null, "h", 1, null, null));
            s.finish(new RunRecord(id, "complete", List.of("true"), 0, t0, t0.plusMillis(2), 0.002, "process", 0.1, Map.of(), null, "h",
                    null, 0, Map.of(), 0, 0, Double.NaN, 0, List.of(), Map.of(),
                    List.of(RunRecord.TOO_SHORT + "the command ended before its sensors could open"), null));
        }
    }
}
