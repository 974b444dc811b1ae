package dev.wattiq.app.runs;

import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.run.Comparison;
import dev.wattiq.app.run.RepeatFigures;
import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.RunStore;
import dev.wattiq.app.store.StoreException;
import dev.wattiq.meter.UserInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link CompareRequest}: the completed runs each side names, oldest first, and every figure both
 * sides have, compared ({@link Comparison}, in A's order). Printed by {@link CompareText}.
 *
 * @param a       A's runs
 * @param b       B's runs
 * @param figures each figure's comparison, by its JSON name
 */
public record RunsComparison(List<RunRecord> a, List<RunRecord> b, Map<String, Comparison> figures) {
    /** The figure the conclusion is drawn from. */
    static final String ENERGY = "energy_j.total";
    /** How many runs the store is searched over for a group or label. */
    private static final int SEARCH = 100_000;

    public RunsComparison {
        a = List.copyOf(a);
        b = List.copyOf(b);
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    /** Reads both sides' runs from {@code store} and compares their figures; a side that names no completed run is a user error. */
    public static RunsComparison of(CompareRequest r, RunStore store) throws StoreException {
        List<RunRecord> a = runs(store, r.a());
        List<RunRecord> b = runs(store, r.b());
        return new RunsComparison(a, b, Comparison.all(RepeatFigures.of(a), RepeatFigures.of(b)));
    }

    /** The comparison of the energy, or null when a side has none. */
    Comparison energy() {
        return figures.get(ENERGY);
    }

    /** The completed runs {@code side} names, oldest first; a one-line error when it names none. */
    private static List<RunRecord> runs(RunStore store, CompareRequest.Side side) throws StoreException {
        List<RunRecord> out = new ArrayList<>();
        for (RunRecord r : store.list(SEARCH)) {
            if (side.value().equals(r.labels().get(side.key())) && "complete".equals(r.status())) out.add(store.find(r.runId()).orElse(r));
        }
        if (out.isEmpty() && !side.label()) store.find(side.arg()).filter(r -> "complete".equals(r.status())).ifPresent(out::add);
        if (out.isEmpty()) {
            throw new Errors.UserError(side.name() + ": no completed run, repeat group or label '" + UserInputException.shown(side.arg()) + "' in " + store.location()
                    + ": list the runs with 'wattiq runs' (a group is the repeat_group label 'wattiq run --repeat N' prints)");
        }
        return out.reversed(); // oldest first
    }
}
