package dev.wattiq.planner.fit;

/**
 * An 80% interval around a plan's figure: p10 and p90 from the out-of-sample residual spread of the model that made
 * p50 ({@link Spread}); all three equal where the value was given rather than modelled.
 *
 * @param p10 lower bound
 * @param p50 the plan's figure
 * @param p90 upper bound
 */
public record Interval(double p10, double p50, double p90) {
    /** {@code p50} with {@code spread}'s bounds around it. */
    public static Interval of(double p50, Spread spread) {
        return new Interval(p50 * spread.lowFactor(), p50, p50 * spread.highFactor());
    }

    /** A value known exactly (given by the user): no spread. */
    public static Interval exact(double v) {
        return new Interval(v, v, v);
    }

    /** The same relative bounds around {@code v} (cost and CO2e scale with energy at a given site). */
    public Interval scaledTo(double v) {
        if (p50 == 0) return exact(v);
        return new Interval(v * p10 / p50, v, v * p90 / p50);
    }

    /** Multiplies all three by {@code k}. */
    public Interval times(double k) {
        return new Interval(p10 * k, p50 * k, p90 * k);
    }

    public boolean contains(double v) {
        return v >= p10 && v <= p90;
    }
}
