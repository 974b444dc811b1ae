package dev.wattiq.app.runs;

import dev.wattiq.app.cli.Errors;

/**
 * A {@code runs} request: the latest {@code limit} runs in the store, or every run ({@code all}, or a limit of 0).
 * Computed by {@link RunsList#of}.
 */
public record RunsRequest(int limit, boolean all) {
    public static final int DEFAULT_LIMIT = 20;

    public RunsRequest {
        if (limit < 0) throw new Errors.UserError("--limit must be 0 (all) or more, got " + limit);
    }

    /** How many runs to show; 0: all. */
    public int shown() {
        return all ? 0 : limit;
    }
}
