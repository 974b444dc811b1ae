package dev.wattiq.lab.experiments;

import dev.wattiq.ledger.Bill;
import dev.wattiq.ledger.EnergyTrace;
import dev.wattiq.ledger.Ledger;
import dev.wattiq.ledger.Site;
import dev.wattiq.meter.Measurement;

/**
 * Turns a measurement into money and CO2e. The app supplies one backed by the ledger (a site's tariff, PUE and
 * grid intensity); {@link #UNPRICED} leaves them unknown (NaN).
 */
@FunctionalInterface
public interface Pricer {
    /** Cost and emissions of one window. */
    Price price(Measurement m);

    /** Prices nothing: every figure NaN, currency {@code XXX} (ISO 4217's "no currency"). */
    Pricer UNPRICED = m -> new Price(Double.NaN, "XXX", Double.NaN, Double.NaN);

    /** Prices each window with the ledger at {@code site} (tariff, PUE, grid intensity, green energy). */
    static Pricer at(Site site) {
        return m -> {
            Bill b = Ledger.bill(EnergyTrace.of(m), site);
            return new Price(b.cost().amount(), b.cost().currency(), b.co2eLocationKg(), b.co2eMarketKg());
        };
    }

    /**
     * @param cost           money, in {@code currency}
     * @param currency       ISO 4217 code
     * @param co2eLocationKg location-based CO2e, in kg
     * @param co2eMarketKg   market-based CO2e, in kg
     */
    record Price(double cost, String currency, double co2eLocationKg, double co2eMarketKg) {
    }
}
