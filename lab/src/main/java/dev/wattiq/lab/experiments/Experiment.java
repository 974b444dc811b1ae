package dev.wattiq.lab.experiments;

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

    /**
     * The whole set as {@code wattiq demo} runs it: seed, quality (fp32), bf16 and fp16, the pruning runs and
     * sweep, and K = 1 .. max workers.
     */
    public static List<Trial> all(LabConfig c, LabRunner runner) {
        List<Trial> out = new ArrayList<>();
        out.addAll(SEED.run(c, runner));
        out.addAll(QUALITY.run(c, runner));
        out.addAll(PrecisionExperiment.precision(c, runner, false));
        out.addAll(PRUNE.run(c, runner));
        out.addAll(PARALLEL.run(c, runner));
        return out;
    }

    /** Trials {@link #all} will produce. */
    public static int allTrials(LabConfig c) {
        return 1 + 1 + 2 + PRUNE.trials(c) + PARALLEL.trials(c);
    }

    public static Experiment parse(String s) {
        for (Experiment e : values()) if (e.label().equalsIgnoreCase(s.trim())) return e;
        throw new IllegalArgumentException("unknown experiment '" + s + "': use seed, quality, precision, prune or parallel");
    }
}
