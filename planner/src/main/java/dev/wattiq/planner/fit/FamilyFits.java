package dev.wattiq.planner.fit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A model fitted on every row and refitted once per model family with that family's rows held out ({@link Folds}),
 * each held-out row handed to {@code heldOut} with the fold's model that did not see it: the skeleton of the training
 * and serving calibrations, whose predictions and residuals differ.
 *
 * @param <R> a published row
 * @param <M> a fitted model
 */
public final class FamilyFits<R, M> {
    /** Receives each held-out row's index with the model fitted without its family. */
    @FunctionalInterface
    public interface HeldOut<M> {
        void row(M foldModel, int index);
    }

    private final M full;
    private final Map<String, M> withoutFamily = new HashMap<>();

    /** Fits on all of {@code rows}, then once per family without it, in the families' first-seen order. */
    public FamilyFits(List<R> rows, Function<R, String> family, Function<List<R>, M> fit, HeldOut<M> heldOut) {
        full = fit.apply(rows);
        for (int[] fold : Folds.byGroup(rows, family)) {
            M m = fit.apply(Folds.without(rows, fold));
            withoutFamily.put(family.apply(rows.get(fold[0])), m);
            for (int i : fold) heldOut.row(m, i);
        }
    }

    /** The model fitted on every row. */
    public M full() {
        return full;
    }

    /** The model fitted without {@code family} (the full fit when no row belongs to it). */
    public M without(String family) {
        return withoutFamily.getOrDefault(family, full);
    }

    /** Whether {@code family} is among the fitted rows' families. */
    public boolean has(String family) {
        return withoutFamily.containsKey(family);
    }
}
