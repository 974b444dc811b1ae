package dev.wattiq.ledger;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What an {@link EnergyTrace} costs at a {@link Site}: facility energy, money and CO2e, with every assumption shown.
 * Both Scope 2 figures are always given, as the GHG Protocol's Scope 2 guidance asks: {@code co2eLocationKg} from
 * the grid's intensity, {@code co2eMarketKg} after on-site renewables and contracted green energy.
 *
 * @param itEnergyJoules        energy drawn by the IT equipment, in joules
 * @param facilityEnergyJoules  IT energy times PUE, in joules
 * @param cost                  energy charge plus demand charge
 * @param energyCharge          the per-kWh part of {@code cost}, in {@code cost.currency()}
 * @param demandCharge          the per-peak-kW part of {@code cost} (0 without a demand charge)
 * @param peakFacilityPowerWatts highest facility power over a demand window (or over an interval without one), in watts
 * @param co2eLocationKg        location-based CO2e, in kg
 * @param co2eMarketKg          market-based CO2e, in kg
 * @param co2eEmbodiedKg        hardware manufacturing CO2e amortised over the run time, in kg; empty when not asked for
 * @param assumptions           every value used, with its source and whether it is a default
 * @param warnings              what a user must read: carbon series gaps, a tariff overridden by a flag, ...
 */
public record Bill(
        double itEnergyJoules,
        double facilityEnergyJoules,
        Money cost,
        double energyCharge,
        double demandCharge,
        double peakFacilityPowerWatts,
        double co2eLocationKg,
        double co2eMarketKg,
        OptionalDouble co2eEmbodiedKg,
        List<Assumption> assumptions,
        List<String> warnings) {

    /** Joules per kilowatt-hour. */
    public static final double JOULES_PER_KWH = 3.6e6;

    public Bill {
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(co2eEmbodiedKg, "co2eEmbodiedKg");
        assumptions = List.copyOf(assumptions);
        warnings = List.copyOf(warnings);
    }

    public double facilityEnergyKwh() {
        return facilityEnergyJoules / JOULES_PER_KWH;
    }

    /** The assumption named {@code name}, if the bill used one. */
    public java.util.Optional<Assumption> assumption(String name) {
        return assumptions.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
