package dev.wattiq.app.lab;

import dev.wattiq.app.cli.Errors;
import dev.wattiq.lab.experiments.Experiment;
import dev.wattiq.lab.experiments.LabConfig;

/**
 * A {@code lab NAME} request: one of the article's experiments at the sizes {@code config} gives, run {@code repeats}
 * times in this process. Computed by {@link LabResult#of}.
 *
 * @param warmUp whether the JIT is warmed up (untimed) before the first measured step
 * @param store  whether every trial is recorded in the run store
 */
public record LabRequest(Experiment experiment, LabConfig config, int repeats, boolean warmUp, boolean store) {
    public LabRequest {
        if (repeats < 1) throw new Errors.UserError("--repeats must be at least 1, got " + repeats);
    }
}
