package dev.wattiq.app.run;

import java.util.Arrays;

/**
 * The median and run-to-run spread of one figure over repeated runs: min, max and the interquartile range
 * (quartiles by linear interpolation between order statistics, as numpy's default). Non-finite values are left out
 * and counted in {@code n} only when finite.
 *
 * @param n      how many finite values
 * @param median the median (NaN when {@code n == 0})
 * @param min    the smallest value
 * @param max    the largest value
 * @param q1     the first quartile
 * @param q3     the third quartile
 */
public record Spread(int n, double median, double min, double max, double q1, double q3) {
    /** The spread of {@code values}, non-finite ones left out. */
    public static Spread of(double... values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) return new Spread(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        return new Spread(v.length, quantile(v, 0.5), v[0], v[v.length - 1], quantile(v, 0.25), quantile(v, 0.75));
    }

    /** {@code max - min}: the run-to-run range (0 for one run, whose spread is therefore unknown: see {@link #known()}). */
    public double range() {
        return max - min;
    }

    /** {@code q3 - q1}. */
    public double iqr() {
        return q3 - q1;
    }

    /** Whether the spread was measured: at least two runs. */
    public boolean known() {
        return n >= 2;
    }

    /** {@code range / median}: the spread relative to the figure (NaN when the median is 0 or unknown). */
    public double rangeRel() {
        return median != 0 && Double.isFinite(median) ? range() / Math.abs(median) : Double.NaN;
    }

    private static double quantile(double[] sorted, double p) {
        double at = p * (sorted.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
    }
}
