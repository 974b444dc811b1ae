package dev.wattiq.ledger;

import java.util.Objects;

/**
 * An amount of money in one currency.
 *
 * @param amount   the amount, in units of {@code currency} (not cents)
 * @param currency ISO 4217 code, e.g. {@code USD}, {@code EUR}
 */
public record Money(double amount, String currency) {
    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public Money plus(double more) {
        return new Money(amount + more, currency);
    }

    @Override
    public String toString() {
        return Assumption.format(amount) + " " + currency;
    }
}
