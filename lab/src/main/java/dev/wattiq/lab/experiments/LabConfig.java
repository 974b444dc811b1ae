package dev.wattiq.lab.experiments;

import dev.wattiq.meter.UserInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sizes every experiment scales with. The article's values are the defaults: {@code Linear(1000, 10)}, batches
 * of 100, 1000 SGD steps at learning rate 0.01.
 *
 * @param steps    SGD steps per training run
 * @param batch    examples per step
 * @param width    input features (the article's 1000)
 * @param hidden   hidden ReLU width of the MLP variant; 0 for the article's single linear layer
 * @param outputs  output features (the article's 10)
 * @param lr       SGD learning rate
 * @param seed     fixes every random number drawn
 * @param maxWorkers the largest K of the parallel experiment
 */
public record LabConfig(int steps, int batch, int width, int hidden, int outputs, float lr, long seed, int maxWorkers) {
    public LabConfig {
        require(steps >= 1, "--steps must be at least 1, got " + steps);
        require(batch >= 1, "--batch must be at least 1, got " + batch);
        require(width >= 1, "--width must be at least 1, got " + width);
        require(hidden >= 0, "--hidden must be 0 (linear model) or more, got " + hidden);
        require(outputs >= 1, "outputs must be at least 1, got " + outputs);
        require(lr > 0 && Float.isFinite(lr), "--lr must be a positive number, got " + lr);
        require(maxWorkers >= 1, "--workers must be at least 1, got " + maxWorkers);
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new UserInputException(message);
    }

    /** The article's setup on this machine's cores. */
    public static LabConfig article() {
        return new LabConfig(1000, 100, 1000, 0, 10, 0.01f, 42, Runtime.getRuntime().availableProcessors());
    }

    /** The knobs as strings, for a Point's config. */
    public Map<String, String> asConfig() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("steps", Integer.toString(steps));
        m.put("batch", Integer.toString(batch));
        m.put("width", Integer.toString(width));
        m.put("hidden", Integer.toString(hidden));
        m.put("lr", Float.toString(lr));
        m.put("seed", Long.toString(seed));
        return m;
    }
}
