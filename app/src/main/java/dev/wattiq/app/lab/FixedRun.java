package dev.wattiq.app.lab;

import dev.wattiq.lab.experiments.FixedDataset;
import dev.wattiq.lab.experiments.LabConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code lab seed --dataset DIR}: the article's loop trained on a dataset and initial weights exported by
 * examples/seed/fixed_dataset.py, unmetered, to compare its losses with PyTorch's.
 *
 * @param loopSeconds the training loop's wall time
 * @param losses      the loss of every step
 */
record FixedRun(Path dataset, double loopSeconds, double[] losses) {
    /** Trains on the dataset at the sizes of {@code c}; its input errors are the user's (UserInputException). */
    static FixedRun of(Path dataset, LabConfig c) {
        FixedDataset d = FixedDataset.read(dataset, c.width());
        long t0 = System.nanoTime();
        double[] losses = d.train(c.steps(), c.batch(), c.lr());
        return new FixedRun(dataset, (System.nanoTime() - t0) / 1e9, losses);
    }

    /** {@code experiment, dataset, loop_s, final_loss, losses}: printed, or written to {@code --json-out}. */
    Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("experiment", "seed-fixed-dataset");
        root.put("dataset", dataset.toString());
        root.put("loop_s", loopSeconds);
        root.put("final_loss", losses[losses.length - 1]);
        root.put("losses", losses);
        return root;
    }
}
