package dev.wattiq.meter.control;

/**
 * Work a job reports: optimiser steps, samples (examples) and tokens, each a count. Sums are exact (no wrap): a sum
 * past {@link #MAX_COUNT} is refused.
 *
 * @param steps   steps (or batches) done
 * @param samples samples (examples) processed
 * @param tokens  tokens processed
 */
public record Work(long steps, long samples, long tokens) {
    /** The largest count a request or a sum may hold: 2^53 - 1, the largest whole number every JSON reader keeps exact. */
    public static final long MAX_COUNT = (1L << 53) - 1;
    public static final Work NONE = new Work(0, 0, 0);

    public Work {
        if (steps < 0 || samples < 0 || tokens < 0) throw new IllegalArgumentException("work counts are >= 0");
    }

    /** The sum of both.
     *
     * @throws ControlException when a count would pass {@link #MAX_COUNT}
     */
    public Work plus(Work o) {
        return new Work(add("steps", steps, o.steps), add("samples", samples, o.samples), add("tokens", tokens, o.tokens));
    }

    /** What was added since {@code earlier} (counts only grow, so never negative). */
    public Work minus(Work earlier) {
        return new Work(Math.max(0, steps - earlier.steps), Math.max(0, samples - earlier.samples), Math.max(0, tokens - earlier.tokens));
    }

    public boolean isEmpty() {
        return steps == 0 && samples == 0 && tokens == 0;
    }

    private static long add(String what, long a, long b) {
        long s = a + b; // both <= MAX_COUNT, so no long overflow
        if (s > MAX_COUNT) {
            throw new ControlException("work not counted: the run's " + what + " would pass " + MAX_COUNT + "; report smaller counts");
        }
        return s;
    }
}
