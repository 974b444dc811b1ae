package dev.wattiq.app.run;

import dev.wattiq.app.store.RunRecord;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * {@code wattiq run --repeat N}: the command N times, one after the other, each a run of its own (stored, with its
 * summary) labelled {@code repeat_group=rep-...} and {@code repeat=i/N}; then the median and spread of every figure.
 * Repeating stops at the first run that fails (non-zero exit): a failing command's figures are not the job's.
 */
final class Repeats {
    private Repeats() {
    }

    /** Runs {@code measure} {@code n} times with the group's labels added; returns the last exit code. */
    static int run(RunCommand cmd, int n, Map<String, String> labels, ToIntFunction<Map<String, String>> measure, PrintWriter err) {
        String group = "rep-" + RunIds.next(java.time.Instant.now());
        int exit = 0;
        for (int i = 1; i <= n; i++) {
            Map<String, String> l = new LinkedHashMap<>(labels);
            l.put(RepeatFigures.GROUP_LABEL, group);
            l.put("repeat", i + "/" + n);
            err.println("wattiq: repeat " + i + " of " + n + " (group " + group + ")");
            err.flush();
            exit = measure.applyAsInt(l);
            if (exit != 0) {
                err.println("wattiq: run " + i + " of " + n + " exited with " + exit + ": repeating stopped");
                break;
            }
        }
        List<RunRecord> runs = new ArrayList<>(cmd.finished);
        Map<String, Spread> figures = RepeatFigures.of(runs);
        err.println();
        err.println("wattiq: " + runs.size() + " runs of group " + group + ": median and spread (range = (max - min) / median)");
        RepeatFigures.print(figures, err);
        err.println("wattiq: compare with another group: wattiq compare " + group + " OTHER_GROUP_OR_RUN");
        err.flush();
        cmd.jsonOut.write(() -> json(group, n, runs, figures));
        return exit;
    }

    static Map<String, Object> json(String group, int asked, List<RunRecord> runs, Map<String, Spread> figures) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("repeat_group", group);
        root.put("repeat", asked);
        root.put("completed", runs.size());
        root.put("run_ids", runs.stream().map(RunRecord::runId).toList());
        root.put("figures", RepeatFigures.json(figures));
        root.put("runs", runs.stream().map(RunJson::full).toList());
        return root;
    }
}
