package dev.wattiq.planner.fit;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the training and serving planners share: the fit their plans use (the model and the spreads of its
 * out-of-sample residuals) and the calibration it came from, with its leave-one-family-out folds, computed on first
 * use when the planner was built on the build's stored fit.
 *
 * @param <C> the calibration
 * @param <S> the fit summary
 */
public abstract class FittedPlanner<C, S> {
    private final S fit;
    private final Supplier<C> calibration;

    protected FittedPlanner(S fit, Supplier<C> calibration) {
        this.fit = fit;
        this.calibration = calibration;
    }

    /** The fit with its leave-one-family-out folds (computed on first use when the stored fit was loaded). */
    public C calibration() {
        return calibration.get();
    }

    /** The fitted model and the spreads every plan's interval comes from. */
    public S fit() {
        return fit;
    }

    /**
     * The planner shipped in the jar: built on the build's stored fit ({@code stored}) when it matches the data files,
     * else on the summary of the calibration fitted now; either way the calibration is {@code calibrate}'s, made once.
     */
    protected static <C, S, P> P shipped(Supplier<C> calibrate, Function<StoredCalibration, S> stored,
                                         Function<C, S> summary, BiFunction<S, Supplier<C>, P> planner) {
        Supplier<C> cal = memo(calibrate);
        return StoredCalibration.shipped()
                .map(s -> planner.apply(stored.apply(s), cal))
                .orElseGet(() -> planner.apply(summary.apply(cal.get()), cal));
    }

    /** {@code s}, computed once on first use. */
    public static <T> Supplier<T> memo(Supplier<T> s) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) value = s.get();
                return value;
            }
        };
    }
}
