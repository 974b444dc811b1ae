package dev.wattiq.ledger.tariff;

import dev.wattiq.ledger.Assumption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One price per kWh at every hour.
 *
 * @param pricePerKwh  price, >= 0, in {@code currency} per kWh
 * @param currency     ISO 4217 code
 * @param source       where the price comes from
 * @param isDefault    true when the user gave none
 * @param demandCharge optional charge on peak kW
 */
public record FlatTariff(double pricePerKwh, String currency, String source, boolean isDefault, Optional<DemandCharge> demandCharge) implements Tariff {
    public FlatTariff {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(demandCharge, "demandCharge");
        Tariff.checkPrice(pricePerKwh, source);
        Tariff.checkCurrency(currency, source);
    }

    public FlatTariff(double pricePerKwh, String currency, String source, boolean isDefault) {
        this(pricePerKwh, currency, source, isDefault, Optional.empty());
    }

    @Override
    public double pricePerKwhAt(Instant t) {
        return pricePerKwh;
    }

    @Override
    public Instant nextBoundary(Instant t) {
        return Instant.MAX;
    }

    @Override
    public List<Assumption> assumptions() {
        List<Assumption> out = new ArrayList<>();
        out.add(Assumption.of("price", pricePerKwh, currency + "/kWh", source, isDefault));
        demandCharge.ifPresent(d -> out.addAll(d.assumptions(currency)));
        return out;
    }
}
