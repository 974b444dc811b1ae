package dev.wattiq.lab.serve;

import java.util.Arrays;

/** Percentiles of per-batch latencies (nearest-rank method: the value at rank ceil(p/100 * n)). */
public final class Latencies {
    private Latencies() {
    }

    /**
     * The {@code percent}-th percentile of {@code values} by nearest rank; NaN for an empty array.
     *
     * @param percent in (0, 100]
     */
    public static double percentile(double[] values, double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + percent);
        }
        if (values.length == 0) return Double.NaN;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(1, Math.min(rank, sorted.length)) - 1];
    }
}
