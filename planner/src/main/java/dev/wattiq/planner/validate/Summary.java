package dev.wattiq.planner.validate;

import java.util.Arrays;
import java.util.List;

/**
 * The headline of one (mode, metric): how many rows, the median absolute out-of-sample and in-sample errors, and how
 * often the 80% interval held the published value, with its median width.
 *
 * @param mode          a, b or infer
 * @param metric        the metric
 * @param rows          rows scored
 * @param outOfSample   median |error| of the out-of-sample predictions
 * @param inSample      median |error| of the in-sample predictions
 * @param maxOutOfSample largest |out-of-sample error|
 * @param coverage      share of rows inside their interval (NaN: no intervals)
 * @param medianWidth   median (p90 - p10) / p50
 * @param tooLow        rows predicted below the published value
 */
public record Summary(String mode, String metric, int rows, double outOfSample, double inSample, double maxOutOfSample,
                      double coverage, double medianWidth, int tooLow) {

    /** The summary of {@code mode}/{@code metric} in {@code rows}; null when no row has a prediction. */
    public static Summary of(List<Comparison> rows, String mode, String metric) {
        List<Comparison> c = rows.stream().filter(r -> r.mode().equals(mode) && r.metric().equals(metric)
                && Double.isFinite(r.predicted()) && r.published() > 0).toList();
        if (c.isEmpty()) return null;
        double[] oos = c.stream().mapToDouble(r -> Math.abs(r.error())).toArray();
        double[] ins = c.stream().mapToDouble(r -> Math.abs(r.inSampleError())).toArray();
        List<Comparison> withInterval = c.stream().filter(Comparison::hasInterval).toList();
        double coverage = withInterval.isEmpty() ? Double.NaN
                : (double) withInterval.stream().filter(Comparison::inside).count() / withInterval.size();
        double width = median(withInterval.stream().mapToDouble(Comparison::width).toArray());
        int low = (int) c.stream().filter(r -> r.predicted() < r.published()).count();
        return new Summary(mode, metric, c.size(), median(oos), median(ins), Arrays.stream(oos).max().orElse(Double.NaN),
                coverage, width, low);
    }

    public static double median(double[] xs) {
        double[] v = Arrays.stream(xs).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) return Double.NaN;
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
