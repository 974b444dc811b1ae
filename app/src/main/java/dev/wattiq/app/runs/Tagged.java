package dev.wattiq.app.runs;

import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.RunStore;
import dev.wattiq.app.store.StoreException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer to a {@link TagRequest}: the run tagged and its labels and tags now, sorted by key.
 *
 * @param runId the run's full id
 */
public record Tagged(String runId, Map<String, String> labels) {
    /** Tags the run in {@code store}. */
    public static Tagged of(TagRequest r, RunStore store) throws StoreException {
        RunRecord run = ShowRequest.find(store, r.runId());
        store.tag(run.runId(), r.tags());
        Map<String, String> now = new TreeMap<>(run.labels());
        now.putAll(r.tags());
        return new Tagged(run.runId(), now);
    }

    /** The line {@code wattiq runs tag} prints. */
    String text() {
        return "wattiq: run " + runId + " tagged: " + labels;
    }
}
