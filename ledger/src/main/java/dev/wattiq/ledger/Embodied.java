package dev.wattiq.ledger;

import java.util.List;
import java.util.Objects;

/**
 * Hardware manufacturing emissions, amortised over the hardware's service life by run time:
 * {@code embodiedKg x runSeconds / lifetimeSeconds}. The numbers come from the caller (the planner's hardware
 * catalogue, or a site file); the ledger only does the arithmetic. Reported apart from Scope 2 (it is Scope 3).
 *
 * @param embodiedKg    manufacturing CO2e of all hardware the run occupies, in kg, >= 0
 * @param lifetimeYears service life, in years (365.25 days), > 0
 * @param source        where the numbers come from
 */
public record Embodied(double embodiedKg, double lifetimeYears, String source) {
    static final double SECONDS_PER_YEAR = 365.25 * 86400;

    public Embodied {
        Objects.requireNonNull(source, "source");
        if (!(embodiedKg >= 0) || !Double.isFinite(embodiedKg)) {
            throw new LedgerException("embodied carbon " + embodiedKg + " kg (" + source + "): give the hardware's manufacturing CO2e as a number of kg >= 0");
        }
        if (!(lifetimeYears > 0) || !Double.isFinite(lifetimeYears)) {
            throw new LedgerException("hardware lifetime " + lifetimeYears + " years (" + source + "): give a service life > 0 years, e.g. 4 or 6");
        }
    }

    /** The share of {@code embodiedKg} that {@code runSeconds} of use accounts for, in kg. */
    public double amortisedKg(double runSeconds) {
        return embodiedKg * runSeconds / (lifetimeYears * SECONDS_PER_YEAR);
    }

    public List<Assumption> assumptions() {
        return List.of(Assumption.of("embodied_co2e", embodiedKg, "kg", source, false),
                Assumption.of("hardware_lifetime", lifetimeYears, "years", source, false));
    }
}
