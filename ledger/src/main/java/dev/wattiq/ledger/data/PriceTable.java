package dev.wattiq.ledger.data;

import dev.wattiq.ledger.tariff.FlatTariff;
import dev.wattiq.ledger.tariff.Tariff;
import dev.wattiq.meter.io.Csv;
import java.util.List;
import java.util.Optional;

/**
 * Shipped average electricity prices per region ({@code prices.csv}). A price taken from here is always marked a
 * default on the bill: it is an average, not the site's own tariff.
 */
public final class PriceTable extends KeyedTable<FlatTariff> {
    /** The region whose price is used when nothing else is known. */
    public static final String FALLBACK = "US";
    static final List<String> COLUMNS = List.of("region", "price_per_kwh", "currency", "year", "scope", "source");

    private PriceTable(List<Csv.Row> rows) {
        super(rows, r -> GridTable.key(r.required("region")), PriceTable::price);
    }

    /** The table shipped in the ledger jar (prices.csv), read on first use. */
    public static PriceTable shipped() {
        return Shipped.TABLE;
    }

    private static final class Shipped {
        static final PriceTable TABLE = parse(shippedRows("prices.csv", COLUMNS));
    }

    public static PriceTable parse(List<Csv.Row> rows) {
        return new PriceTable(rows);
    }

    private static FlatTariff price(Csv.Row r) {
        double p = r.number("price_per_kwh");
        Tariff.checkPrice(p, r.file() + ":" + r.line());
        String src = r.required("source") + "; " + r.required("scope") + ", " + r.required("year") + ", region " + r.required("region");
        return new FlatTariff(p, Tariff.checkCurrency(r.required("currency"), r.file() + ":" + r.line()), src, true);
    }

    /** The average price for {@code region}, if one is shipped. */
    public Optional<FlatTariff> forRegion(String region) {
        return Optional.ofNullable(get(GridTable.key(region)));
    }

    /** The price used when no region price is known. */
    public FlatTariff fallback() {
        return forRegion(FALLBACK).orElseThrow();
    }
}
