package dev.wattiq.ledger.tariff;

import dev.wattiq.ledger.Assumption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a kWh costs, when. A flat tariff ({@link FlatTariff}) or a time-of-use one ({@link TimeOfUseTariff}), either
 * with an optional {@link DemandCharge} on peak kW. Prices apply to facility energy.
 */
public sealed interface Tariff permits FlatTariff, TimeOfUseTariff {
    /** ISO 4217 code of every price in this tariff. */
    String currency();

    /** Price of one kWh drawn at {@code t}, in {@link #currency()}. */
    double pricePerKwhAt(Instant t);

    /** The first instant after {@code t} at which the price may change; {@link Instant#MAX} when it never does. */
    Instant nextBoundary(Instant t);

    /** The charge on peak kW, if the tariff has one. */
    Optional<DemandCharge> demandCharge();

    /** What this tariff rests on, for the bill. */
    List<Assumption> assumptions();

    /** Rejects a negative or non-finite price with a message naming where it came from. */
    static void checkPrice(double pricePerKwh, String where) {
        if (!(pricePerKwh >= 0) || !Double.isFinite(pricePerKwh)) {
            throw new dev.wattiq.ledger.LedgerException("price " + pricePerKwh + " per kWh (" + where
                    + ") is not allowed: give a price >= 0 in currency units per kWh (e.g. 0.12, not 12 cents)");
        }
    }

    /** Rejects anything but a three-letter upper-case currency code. */
    static String checkCurrency(String currency, String where) {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new dev.wattiq.ledger.LedgerException("currency '" + currency + "' (" + where + ") is not an ISO 4217 code: give three capital letters, e.g. USD, EUR, CAD");
        }
        return currency;
    }
}
