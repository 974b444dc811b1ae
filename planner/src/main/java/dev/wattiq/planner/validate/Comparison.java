package dev.wattiq.planner.validate;

/**
 * One predicted figure against its published value.
 *
 * @param row       the published row's name
 * @param mode      "a" (arithmetic from published device-hours and power), "b" (model from N, D, hardware, devices)
 *                  or "infer"
 * @param metric    device_hours, energy_mwh, tco2e or j_per_token
 * @param predicted the planner's figure
 * @param published the published figure
 * @param note      scope or caveat for this row
 */
public record Comparison(String row, String mode, String metric, double predicted, double published, String note) {
    /** Signed relative error (predicted / published - 1). */
    public double error() {
        return predicted / published - 1;
    }
}
