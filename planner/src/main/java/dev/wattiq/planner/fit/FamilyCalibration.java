package dev.wattiq.planner.fit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A model fitted to published rows, with its honest error: the fit on every row, and one refit per model family with
 * that family's rows held out ({@link Folds}), each held-out row handed to {@code heldOut} with the fold's model that
 * did not see it. The skeleton of the training and serving calibrations; what they predict and how they score the
 * residuals is theirs.
 *
 * @param <R> a published row
 * @param <M> a fitted model
 */
public abstract class FamilyCalibration<R, M> {
    /** Receives each held-out row's index with the model fitted without its family. */
    @FunctionalInterface
    public interface HeldOut<M> {
        void row(M foldModel, int index);
    }

    private final List<R> runs;
    private final M full;
    private final Map<String, M> withoutFamily = new HashMap<>();

    /** Fits on all of {@code rows}, then once per family without it, in the families' first-seen order. */
    protected FamilyCalibration(List<R> rows, Function<R, String> family, Function<List<R>, M> fit, HeldOut<M> heldOut) {
        runs = List.copyOf(rows);
        full = fit.apply(rows);
        for (int[] fold : Folds.byGroup(rows, family)) {
            M m = fit.apply(Folds.without(rows, fold));
            withoutFamily.put(family.apply(rows.get(fold[0])), m);
            for (int i : fold) heldOut.row(m, i);
        }
    }

    /** The model fitted on every row. */
    public M model() {
        return full;
    }

    /** The model fitted without {@code family} (the full fit when no row belongs to it). */
    public M modelWithout(String family) {
        return withoutFamily.getOrDefault(family, full);
    }

    /** The rows fitted, in their order (indices of the out-of-sample predictions). */
    public List<R> runs() {
        return runs;
    }
}
