package dev.wattiq.meter.calibrate;

import java.util.List;

/**
 * Ordinary least squares of {@code y = intercept + slope x}, with its error over the points it was fitted to and its
 * leave-one-out error (each point predicted by the fit of the others: how well it predicts what it has not seen).
 *
 * @param intercept   y at x = 0
 * @param slope       the rise of y per unit of x
 * @param rmse        root-mean-square residual over the points
 * @param looRmse     root-mean-square leave-one-out prediction error; NaN with fewer than three points
 * @param maxAbsError the largest absolute residual
 */
public record LinearFit(double intercept, double slope, double rmse, double looRmse, double maxAbsError) {

    /**
     * Fits {@code ys} against {@code xs}.
     *
     * @throws IllegalArgumentException with fewer than two points, lists of different lengths, a non-finite value, or
     *                                  all x equal (no slope can be told)
     */
    public static LinearFit of(List<Double> xs, List<Double> ys) {
        if (xs.size() != ys.size()) throw new IllegalArgumentException("need as many x as y, got " + xs.size() + " and " + ys.size());
        if (xs.size() < 2) throw new IllegalArgumentException("need at least two points to fit a line, got " + xs.size());
        for (int i = 0; i < xs.size(); i++) {
            if (!Double.isFinite(xs.get(i)) || !Double.isFinite(ys.get(i))) throw new IllegalArgumentException("point " + i + " is not finite");
        }
        double[] line = line(xs, ys, -1);
        double sq = 0, max = 0;
        for (int i = 0; i < xs.size(); i++) {
            double r = ys.get(i) - (line[0] + line[1] * xs.get(i));
            sq += r * r;
            max = Math.max(max, Math.abs(r));
        }
        double loo = Double.NaN;
        if (xs.size() >= 3) {
            double lsq = 0;
            int n = 0;
            for (int k = 0; k < xs.size(); k++) {
                double[] without = line(xs, ys, k);
                if (Double.isNaN(without[1])) continue;
                double r = ys.get(k) - (without[0] + without[1] * xs.get(k));
                lsq += r * r;
                n++;
            }
            if (n > 0) loo = Math.sqrt(lsq / n);
        }
        return new LinearFit(line[0], line[1], Math.sqrt(sq / xs.size()), loo, max);
    }

    /** {intercept, slope} of the points other than {@code skip}; NaN slope when their x do not vary. */
    private static double[] line(List<Double> xs, List<Double> ys, int skip) {
        double n = 0, sx = 0, sy = 0;
        for (int i = 0; i < xs.size(); i++) {
            if (i == skip) continue;
            n++;
            sx += xs.get(i);
            sy += ys.get(i);
        }
        double mx = sx / n, my = sy / n, sxx = 0, sxy = 0;
        for (int i = 0; i < xs.size(); i++) {
            if (i == skip) continue;
            double dx = xs.get(i) - mx;
            sxx += dx * dx;
            sxy += dx * (ys.get(i) - my);
        }
        if (sxx <= 1e-12 * Math.max(1, mx * mx)) {
            if (skip < 0) throw new IllegalArgumentException("every point has the same x (" + mx + "): no slope can be fitted");
            return new double[] {Double.NaN, Double.NaN};
        }
        double slope = sxy / sxx;
        return new double[] {my - slope * mx, slope};
    }
}
