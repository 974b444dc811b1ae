package dev.wattiq.app.runs;

import dev.wattiq.app.cli.Errors;

/** A {@code report} request: the runs of one job, summed. Computed by {@link JobReport#of(ReportRequest, dev.wattiq.app.store.RunStore)}. */
public record ReportRequest(String job) {
    public ReportRequest {
        if (job == null || job.isBlank()) throw new Errors.UserError("--job needs a job id, e.g. --job train-42");
    }
}
