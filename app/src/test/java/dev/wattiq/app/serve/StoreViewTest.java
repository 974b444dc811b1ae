package dev.wattiq.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.RunStart;
import dev.wattiq.app.store.SqliteRunStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot that /api/runs and /metrics render from changes only when a run does (a real SQLite store). */
class StoreViewTest {
    @TempDir
    Path home;

    private static void add(SqliteRunStore s, String id) throws Exception {
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        s.begin(new RunStart(id, List.of("sleep", "1"), t0, "process", 0.1, Map.of(), null, "h", 1, null, "estimated"));
        s.finish(new RunRecord(id, "complete", List.of("sleep", "1"), 0, t0, t0.plusSeconds(1), 1, "process", 0.1, Map.of(), null,
                "h", "estimated", 5, Map.of("cpu", 5.0), 5, 5, Double.NaN, 10, List.of(), Map.of(), List.of(), null));
    }

    @Test
    void unchangedListKeepsItsSnapshotAndANewRunReplacesIt() throws Exception {
        try (SqliteRunStore store = SqliteRunStore.open(home);
             StoreView view = new StoreView(store, Duration.ofHours(1))) { // the test refreshes by hand
            add(store, "r1");
            view.refreshNow();
            StoreView.Snapshot first = view.snapshot();
            assertThat(first.runs()).extracting(RunRecord::runId).containsExactly("r1");

            view.refreshNow(); // same list (NaN idle power included): nothing to render again
            assertThat(view.snapshot()).isSameAs(first);

            add(store, "r2");
            view.refreshNow();
            assertThat(view.snapshot()).isNotSameAs(first);
            assertThat(view.snapshot().runs()).extracting(RunRecord::runId).containsExactlyInAnyOrder("r1", "r2");
        }
    }
}
