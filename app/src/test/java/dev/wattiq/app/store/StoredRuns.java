package dev.wattiq.app.store;

import dev.wattiq.ledger.Bill;
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
        Instant t0 = Instant.now();
        put(home, new RunRecord(id, "complete", List.of("true"), 0, t0, t0.plusMillis(2), 0.002, "process", 0.1, Map.of(), null, "h",
                null, 0, Map.of(), 0, 0, Double.NaN, 0, List.of(), Map.of(),
                List.of(RunRecord.TOO_SHORT + "the command ended before its sensors could open"), null));
    }

    /**
     * A run of {@code python train.py} that drew {@code joules} (all on the CPU package) over {@code seconds} from
     * {@code start}, with 10 samples; a running one has no end yet.
     */
    public static RunRecord measured(String id, String status, Instant start, double seconds, double joules, Map<String, String> labels,
                                     String job, String host, String scope, Bill bill) {
        Instant end = "running".equals(status) ? null : start.plusMillis((long) (seconds * 1000));
        return new RunRecord(id, status, List.of("python", "train.py"), 0, start, end, seconds, scope, 0.1, labels, job, host, "measured",
                joules, Map.of("cpu_package", joules), joules / seconds, joules / seconds, Double.NaN, 10, List.of(), Map.of(), List.of(), bill);
    }

    /** Stores {@code runs} in the SQLite store in {@code home} as wattiq does: each begun, then finished unless it is running. */
    public static void put(Path home, RunRecord... runs) throws Exception {
        try (SqliteRunStore s = SqliteRunStore.open(home)) {
            for (RunRecord r : runs) {
                s.begin(new RunStart(r.runId(), r.command(), r.startedAt(), r.scope(), r.intervalSeconds(), r.labels(), r.job(), r.host(), 1, null, null));
                if (!"running".equals(r.status())) s.finish(r);
            }
        }
    }
}
