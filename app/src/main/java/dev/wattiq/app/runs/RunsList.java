package dev.wattiq.app.runs;

import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.RunStore;
import dev.wattiq.app.store.StoreException;
import java.util.List;

/**
 * The answer to a {@link RunsRequest}: the runs, newest first. Printed by {@link RunsText}, and as JSON by
 * {@link dev.wattiq.app.run.RunJson#list} (the array {@code GET /api/runs} answers under {@code runs}).
 *
 * @param shown how many runs were asked for; 0: all
 * @param more  whether the store holds older runs than those listed
 */
public record RunsList(List<RunRecord> runs, int shown, boolean more) {
    public RunsList {
        runs = List.copyOf(runs);
    }

    /** Reads the list from {@code store}. */
    public static RunsList of(RunsRequest r, RunStore store) throws StoreException {
        int shown = r.shown();
        List<RunRecord> runs = store.list(shown == 0 ? 0 : shown + 1); // one more: whether there are older runs to mention
        boolean more = shown > 0 && runs.size() > shown;
        return new RunsList(more ? runs.subList(0, shown) : runs, shown, more);
    }
}
