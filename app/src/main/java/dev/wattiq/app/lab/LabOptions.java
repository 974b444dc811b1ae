package dev.wattiq.app.lab;

import dev.wattiq.lab.experiments.LabConfig;
import picocli.CommandLine.Option;

/** The sizes every lab experiment scales with, and whether its runs are stored; a picocli mixin of {@code lab} and {@code demo}. */
public final class LabOptions {
    @Option(names = "--no-store", description = "Do not record the runs in the store ($WATTIQ_HOME/wattiq.db).")
    boolean noStore;

    @Option(names = "--steps", paramLabel = "N", description = "SGD steps per training run (default: 1000, the article's; demo --quick: 200).")
    Integer steps;

    @Option(names = "--batch", paramLabel = "B", description = "Examples per step (default: ${DEFAULT-VALUE}).", defaultValue = "100")
    int batch;

    @Option(names = "--width", paramLabel = "W", description = "Input features (default: ${DEFAULT-VALUE}, the article's Linear(1000, 10)).", defaultValue = "1000")
    int width;

    @Option(names = "--hidden", paramLabel = "H", description = "Hidden ReLU width of the MLP variant; 0 is the article's single linear layer (default: ${DEFAULT-VALUE}).", defaultValue = "0")
    int hidden;

    @Option(names = "--workers", paramLabel = "K", description = "Largest number of data-parallel workers (default: the number of cores).")
    Integer workers;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for every random number (default: ${DEFAULT-VALUE}).", defaultValue = "42")
    long seed;

    @Option(names = "--no-warm-up", description = "Measure from a cold JIT: skip the untimed warm-up (a few hundred training steps on "
            + "scratch data, stated on stderr) that otherwise runs before the first measured step.")
    boolean noWarmUp;

    /** Whether every trial is recorded in the run store: not with {@code --no-store}. */
    public boolean store() {
        return !noStore;
    }

    /** Whether the JIT is warmed up (untimed) before the first measured step: not with {@code --no-warm-up}. */
    public boolean warmUp() {
        return !noWarmUp;
    }

    /** The configuration these options describe; {@code defaultSteps} applies when {@code --steps} is absent. */
    public LabConfig config(int defaultSteps) {
        LabConfig a = LabConfig.article();
        return new LabConfig(steps == null ? defaultSteps : steps, batch, width, hidden, a.outputs(), a.lr(), seed,
                workers == null ? a.maxWorkers() : workers);
    }
}
