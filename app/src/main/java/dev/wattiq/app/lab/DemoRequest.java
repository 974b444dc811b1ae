package dev.wattiq.app.lab;

import dev.wattiq.app.cli.Errors;
import dev.wattiq.lab.experiments.Experiment;
import dev.wattiq.lab.experiments.LabConfig;
import java.util.function.IntFunction;

/**
 * A {@code demo} request: every experiment of the article, each configuration measured {@link #repeats} times in
 * passes over the set. Computed by {@link DemoResult#of}.
 *
 * @param quick     the shorter set: fewer steps and repeats, a coarser pruning sweep
 * @param tolerance quality (R²) the recommendation may give up for less energy, beyond the test-set error
 * @param warmUp    whether the JIT is warmed up (untimed) before the first measured step
 * @param store     whether every trial is recorded in the run store
 */
public record DemoRequest(LabConfig config, boolean quick, double tolerance, boolean warmUp, boolean store) {
    /** Steps of {@code --quick}: at lr 0.01 and batch 100 the fp32 model is then within ~0.003 R² of its noise floor. */
    static final int QUICK_STEPS = 1500;
    /** Steps of the full demo: the article's 1000 leave R² ~0.03 short of the floor, so the demo trains to it. */
    static final int FULL_STEPS = 2000;
    /**
     * Passes over every configuration: the spread between a configuration's runs, one per pass, is the energy noise no
     * recommendation may claim as a saving.
     */
    static final int QUICK_REPEATS = 2;
    static final int FULL_REPEATS = 3;

    public DemoRequest {
        checkTolerance(tolerance);
    }

    /** The request, the tolerance checked before the sizes: {@code sizes} makes the configuration from its default steps. */
    public static DemoRequest of(boolean quick, double tolerance, IntFunction<LabConfig> sizes, boolean warmUp, boolean store) {
        checkTolerance(tolerance);
        return new DemoRequest(sizes.apply(quick ? QUICK_STEPS : FULL_STEPS), quick, tolerance, warmUp, store);
    }

    private static void checkTolerance(double tolerance) {
        if (!(tolerance >= 0)) throw new Errors.UserError("--tolerance must be zero or more (R² units), got " + tolerance);
    }

    /** The pruning amounts swept. */
    double[] sweep() {
        return quick ? Experiment.QUICK_SWEEP : Experiment.DEMO_SWEEP;
    }

    /** Passes over the set. */
    int repeats() {
        return quick ? QUICK_REPEATS : FULL_REPEATS;
    }
}
