package dev.wattiq.planner.schedule;

/**
 * Prefix sums of one hourly series in double-double arithmetic (each prefix carries its rounding error, by
 * Knuth's TwoSum), so the sum over any window of a long series is correct to about 1e-16 of that window's own
 * magnitude, not of the whole series' total as plain prefix sums give. That is what lets {@link Scheduler} compare
 * windows with the relative tie tolerance of {@link dev.wattiq.planner.Ties} on 10^6-hour series.
 */
final class PrefixSums {
    private final double[] hi;
    private final double[] lo;

    PrefixSums(double[] values) {
        int n = values.length;
        hi = new double[n + 1];
        lo = new double[n + 1];
        for (int i = 0; i < n; i++) {
            double a = hi[i];
            double b = values[i];
            double s = a + b;
            double bb = s - a;
            double err = (a - (s - bb)) + (b - bb);
            hi[i + 1] = s;
            lo[i + 1] = lo[i] + err;
        }
    }

    /** The sum of values[from .. to-1]. */
    double sum(int from, int to) {
        return (hi[to] - hi[from]) + (lo[to] - lo[from]);
    }
}
