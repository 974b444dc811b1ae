package dev.wattiq.ledger.carbon;

import dev.wattiq.ledger.Assumption;
import dev.wattiq.ledger.LedgerException;
import dev.wattiq.meter.NonNull;
import java.util.List;

/**
 * One grid carbon intensity for every hour of the year: a region's annual figure, or a user's number.
 *
 * @param region       region code, e.g. {@code US-IA}, {@code aws:us-east-1}; {@code user} for a user's number
 * @param gramsPerKwh  intensity, in gCO2e/kWh, >= 0
 * @param kind         {@code average} or {@code marginal}
 * @param scope        what the figure covers, e.g. {@code lifecycle CO2e, generation-based}
 * @param year         the year the figure describes (text: some sources give {@code 2024 (Jan-Jul)} or {@code unstated})
 * @param source       citation
 * @param isDefault    true when the user named no region and no intensity (the world average was used)
 */
public record AnnualIntensity(String region, double gramsPerKwh, String kind, String scope, String year, String source, boolean isDefault) {
    public AnnualIntensity {
        NonNull.check("region, kind, scope, year, source", region, kind, scope, year, source);
        check(gramsPerKwh, source);
        if (!kind.equals("average") && !kind.equals("marginal")) {
            throw new LedgerException("grid intensity kind '" + kind + "' (" + source + "): say 'average' or 'marginal'");
        }
    }

    /** A user's own figure. */
    public static AnnualIntensity user(double gramsPerKwh, String source) {
        return new AnnualIntensity("user", gramsPerKwh, "average", "as given", "as given", source, false);
    }

    /** Rejects a negative or non-finite intensity. */
    public static void check(double gramsPerKwh, String where) {
        if (!(gramsPerKwh >= 0) || !Double.isFinite(gramsPerKwh)) {
            throw new LedgerException("grid intensity " + gramsPerKwh + " gCO2e/kWh (" + where + ") is not allowed: give a number >= 0 in grams per kWh (e.g. 352, not 0.352 kg)");
        }
    }

    public List<Assumption> assumptions() {
        String src = source + (region.equals("user") ? "" : "; region " + region + ", " + year + ", " + kind + ", " + scope);
        return List.of(Assumption.of("grid_intensity", gramsPerKwh, "gCO2e/kWh", src, isDefault));
    }
}
