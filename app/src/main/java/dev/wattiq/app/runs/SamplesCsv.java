package dev.wattiq.app.runs;

import dev.wattiq.app.store.RunStore;
import dev.wattiq.app.store.StoreException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** A stored run's power samples as {@code wattiq show --samples-csv} writes them. */
final class SamplesCsv {
    private SamplesCsv() {
    }

    /** {@code time,interval_s,total_w,gap,<component>_w...}: one row per sample, components in first-seen order. */
    static String of(RunStore store, String runId) throws StoreException {
        Set<String> components = new LinkedHashSet<>();
        store.forEachSample(runId, s -> components.addAll(s.wattsByComponent().keySet()));
        StringBuilder b = new StringBuilder("time,interval_s,total_w,gap");
        for (String c : components) b.append(',').append(c).append("_w");
        b.append('\n');
        store.forEachSample(runId, s -> {
            b.append(s.wallTime()).append(',').append(fmt(s.intervalSeconds())).append(',').append(fmt(s.totalWatts())).append(',')
                    .append(s.gap() ? 1 : 0);
            for (String c : components) {
                Double w = s.wattsByComponent().get(c);
                b.append(',').append(w == null ? "" : fmt(w));
            }
            b.append('\n');
        });
        return b.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
