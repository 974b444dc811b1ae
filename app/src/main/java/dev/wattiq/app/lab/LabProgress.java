package dev.wattiq.app.lab;

import dev.wattiq.lab.experiments.Trial;
import dev.wattiq.lab.experiments.WarmUp;

/** What a lab or demo computation reports while it runs; {@link LabText} prints it on standard error. */
interface LabProgress {
    /** The JIT's warm-up is done (not called with the warm-up off). */
    void warmedUp(WarmUp w);

    /** The measured trials start: {@code total} of them. */
    void started(int total);

    /** The {@code done}-th of {@code total} trials is measured (and stored). */
    void trialDone(Trial t, int done, int total);

    /** Every trial is measured. */
    void finished();
}
