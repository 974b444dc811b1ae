package dev.wattiq.lab.experiments;

import dev.wattiq.meter.UserInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The article's experiments, by the name {@code wattiq lab NAME} uses. */
public enum Experiment {
    SEED, QUALITY, PRECISION, PRUNE, PARALLEL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Runs this experiment; each training run is one measured {@link Trial}. */
    public List<Trial> run(LabConfig c, LabRunner runner) {
        return switch (this) {
            case SEED -> SeedExperiment.run(c, runner);
            case QUALITY -> PrecisionExperiment.quality(c, runner);
            case PRECISION -> PrecisionExperiment.precision(c, runner, true);
            case PRUNE -> PruneExperiment.run(c, runner, true);
            case PARALLEL -> ParallelExperiment.run(c, runner);
        };
    }

    /** How many trials {@link #run} will produce (for progress bars). */
    public int trials(LabConfig c) {
        return switch (this) {
            case SEED, QUALITY -> 1;
            case PRECISION -> 3;
            case PRUNE -> 3 + PruneExperiment.SWEEP.length - 1;
            case PARALLEL -> {
                int n = 0;
                for (int k = 1; k <= c.maxWorkers(); k++) if (c.batch() % k == 0) n++;
                yield n;
            }
        };
    }

    /** The pruning amounts {@code wattiq demo} sweeps: every one of {@code wattiq lab prune} but 0 (that is {@code quality}). */
    public static final double[] DEMO_SWEEP = {0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9, 0.95};
    /** The coarser sweep of {@code wattiq demo --quick}, so that longer, repeated runs still fit in a minute. */
    public static final double[] QUICK_SWEEP = {0.2, 0.8, 0.9, 0.95};

    /**
     * The whole set as {@code wattiq demo} runs it: seed, quality (fp32), bf16 and fp16, the pruning runs at 50%,
     * the sweep over {@code sweep}, and K = 1 .. max workers. Every configuration appears once: 0% pruning is the
     * {@code quality} run itself, so the sweep must not hold 0 or 0.5 (those are run anyway).
     */
    public static List<Trial> all(LabConfig c, LabRunner runner, double[] sweep) {
        for (double s : sweep) {
            if (!(s > 0 && s < 1) || s == 0.5) {
                throw new UserInputException("sweep amounts must lie strictly between 0 and 1 and not be 0.5 (run anyway), got " + s);
            }
        }
        List<Trial> out = new ArrayList<>();
        out.addAll(SEED.run(c, runner));
        out.addAll(QUALITY.run(c, runner));
        out.addAll(PrecisionExperiment.precision(c, runner, false));
        out.addAll(PruneExperiment.run(c, runner, sweep));
        out.addAll(PARALLEL.run(c, runner));
        return out;
    }

    /** Trials {@link #all} will produce. */
    public static int allTrials(LabConfig c, double[] sweep) {
        return 1 + 1 + 2 + 3 + sweep.length + PARALLEL.trials(c);
    }

    public static Experiment parse(String s) {
        for (Experiment e : values()) if (e.label().equalsIgnoreCase(s.trim())) return e;
        throw new UserInputException("unknown experiment '" + s + "': use seed, quality, precision, prune or parallel");
    }
}
