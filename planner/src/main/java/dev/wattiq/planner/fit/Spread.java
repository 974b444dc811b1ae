package dev.wattiq.planner.fit;

import java.util.Arrays;

/**
 * The spread of out-of-sample log residuals ln(published / predicted) and the interval it implies. The bounds are the
 * split-conformal order statistics (Vovk et al. 2005; Lei et al. 2018): with n residuals, the lower bound of a central
 * interval of coverage c is the floor((n + 1)(1 - c) / 2)-th smallest and the upper the ceil((n + 1)(1 + c) / 2)-th,
 * which holds at least c of a new exchangeable row. With too few residuals for that rank the bound is the extreme one.
 *
 * @param lo     ln factor from the median prediction to the interval's lower bound (at most 0 unless all residuals
 *               are positive)
 * @param hi     ln factor to the upper bound
 * @param count  residuals behind the bounds
 */
public record Spread(double lo, double hi, int count) {
    /** The 80% interval the issue asks for. */
    public static final double COVERAGE = 0.80;

    /** No residuals: a zero-width interval, flagged by {@code count == 0}. */
    public static final Spread NONE = new Spread(0, 0, 0);

    /** Conformal bounds of the central {@link #COVERAGE} interval from log residuals. */
    public static Spread of(double[] logResiduals) {
        return of(logResiduals, COVERAGE);
    }

    public static Spread of(double[] logResiduals, double coverage) {
        double[] r = Arrays.stream(logResiduals).filter(Double::isFinite).sorted().toArray();
        int n = r.length;
        if (n == 0) return NONE;
        int lowRank = (int) Math.floor((n + 1) * (1 - coverage) / 2 + 1e-9);
        int highRank = (int) Math.ceil((n + 1) * (1 + coverage) / 2 - 1e-9);
        double lo = r[Math.max(0, Math.min(n - 1, lowRank - 1))];
        double hi = r[Math.max(0, Math.min(n - 1, highRank - 1))];
        return new Spread(lo, hi, n);
    }

    /**
     * The spread of a product of two independent uncertain factors (energy = hours x power): every pairwise sum of
     * the two residual sets, then the same conformal bounds.
     */
    public static Spread ofSum(double[] a, double[] b) {
        if (a.length == 0) return of(b);
        if (b.length == 0) return of(a);
        double[] sums = new double[a.length * b.length];
        int k = 0;
        for (double x : a) for (double y : b) sums[k++] = x + y;
        Spread s = of(sums);
        return new Spread(s.lo, s.hi, Math.min(a.length, b.length));
    }

    /** Multiplier from the median to the lower bound. */
    public double lowFactor() {
        return Math.exp(Math.min(lo, 0));
    }

    /** Multiplier from the median to the upper bound. */
    public double highFactor() {
        return Math.exp(Math.max(hi, 0));
    }

    /** Whether {@code published} lies inside the interval around {@code predicted}. */
    public boolean holds(double predicted, double published) {
        return published >= predicted * lowFactor() && published <= predicted * highFactor();
    }
}
