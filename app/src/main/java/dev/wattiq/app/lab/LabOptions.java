package dev.wattiq.app.lab;

import dev.wattiq.lab.experiments.LabConfig;
import dev.wattiq.lab.experiments.WarmUp;
import picocli.CommandLine.Option;

/** The sizes every lab experiment scales with; a picocli mixin of {@code lab} and {@code demo}. */
public final class LabOptions {
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

    /**
     * The JIT's warm-up before the first measured step, said on {@code err}; null with {@code --no-warm-up}.
     * {@code teacher}: the runs train on the teacher task too.
     */
    public WarmUp warmUp(LabConfig c, boolean teacher, java.io.PrintWriter err) {
        if (noWarmUp) return null;
        WarmUp w = WarmUp.run(c, teacher);
        err.println("wattiq: " + w.describe());
        err.flush();
        return w;
    }

    /** The warm-up as JSON: {@code steps}, {@code duration_s}, {@code settled}; null when skipped. */
    public static java.util.Map<String, Object> json(WarmUp w) {
        if (w == null) return null;
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("steps", w.steps());
        m.put("duration_s", w.seconds());
        m.put("settled", w.settled());
        return m;
    }

    /** The configuration these options describe; {@code defaultSteps} applies when {@code --steps} is absent. */
    public LabConfig config(int defaultSteps) {
        LabConfig a = LabConfig.article();
        return new LabConfig(steps == null ? defaultSteps : steps, batch, width, hidden, a.outputs(), a.lr(), seed,
                workers == null ? a.maxWorkers() : workers);
    }
}
