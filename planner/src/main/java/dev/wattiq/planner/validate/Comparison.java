package dev.wattiq.planner.validate;

/**
 * One predicted figure against its published value.
 *
 * @param line      the published row's line in its file
 * @param row       the published row's name
 * @param mode      "a" (arithmetic from published device-hours and power), "b" (the model from N, D, hardware and
 *                  devices) or "infer" (the serving model)
 * @param metric    device_hours, avg_power_w, energy_mwh, tco2e or j_per_token
 * @param predicted out-of-sample prediction: from the fit that did not see the row's model family (mode a: the
 *                  arithmetic)
 * @param inSample  the prediction of the fit on every row, this one included
 * @param published the published figure
 * @param p10       lower bound of the 80% interval around {@code predicted} (NaN for arithmetic)
 * @param p90       upper bound
 * @param note      scope or caveat for this row
 */
public record Comparison(int line, String row, String mode, String metric, double predicted, double inSample,
                         double published, double p10, double p90, String note) {

    /** Arithmetic (mode a): no fit, no interval. */
    public static Comparison arithmetic(int line, String row, String metric, double value, double published, String note) {
        return new Comparison(line, row, "a", metric, value, value, published, Double.NaN, Double.NaN, note);
    }

    /** Signed relative out-of-sample error (predicted / published - 1). */
    public double error() {
        return predicted / published - 1;
    }

    /** Signed relative in-sample error. */
    public double inSampleError() {
        return inSample / published - 1;
    }

    public boolean hasInterval() {
        return !Double.isNaN(p10) && !Double.isNaN(p90);
    }

    /** Whether the published value lies inside the 80% interval. */
    public boolean inside() {
        return hasInterval() && published >= p10 && published <= p90;
    }

    /** The interval's width relative to its median: (p90 - p10) / predicted. */
    public double width() {
        return (p90 - p10) / predicted;
    }
}
