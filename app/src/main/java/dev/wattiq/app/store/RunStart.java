package dev.wattiq.app.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What is known of a run when it starts; stored with status {@code running} until the run ends.
 *
 * @param runId            the run's id
 * @param command          the command and its arguments
 * @param startedAt        wall time at start
 * @param scope            {@code process} or {@code machine}
 * @param intervalSeconds  sampling interval
 * @param labels           user labels
 * @param job              job id, or null
 * @param host             host name, or null
 * @param ownerPid         pid of the wattiq process that owns the run (to find abandoned runs)
 * @param ownerStartedAt   that process's start time, or null when unknown (guards against pid reuse)
 * @param method           the weakest method among the sensors' counters at start, or null when there are none
 */
public record RunStart(String runId, List<String> command, Instant startedAt, String scope, double intervalSeconds,
                       Map<String, String> labels, String job, String host, long ownerPid, Instant ownerStartedAt,
                       String method) {
    public RunStart {
        command = List.copyOf(command);
        labels = Map.copyOf(labels);
    }
}
