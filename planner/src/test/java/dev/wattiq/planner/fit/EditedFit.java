package dev.wattiq.planner.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A calibration of published rows and the same calibration with one row edited (its published value changed): what
 * the training and serving calibration tests compare to show that a held-out row never informs its own prediction.
 */
public record EditedFit<C>(C original, C changed) {
    public static <R, C> EditedFit<C> of(List<R> rows, int row, UnaryOperator<R> edit, Function<List<R>, C> calibrate) {
        List<R> edited = new ArrayList<>(rows);
        edited.set(row, edit.apply(rows.get(row)));
        return new EditedFit<>(calibrate.apply(rows), calibrate.apply(edited));
    }
}
