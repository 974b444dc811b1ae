package dev.wattiq.ledger.data;

import dev.wattiq.ledger.tariff.FlatTariff;
import dev.wattiq.ledger.tariff.Tariff;
import dev.wattiq.meter.io.Csv;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shipped average electricity prices per region ({@code prices.csv}). A price taken from here is always marked a
 * default on the bill: it is an average, not the site's own tariff.
 */
public final class PriceTable {
    /** The region whose price is used when nothing else is known. */
    public static final String FALLBACK = "US";
    static final List<String> COLUMNS = List.of("region", "price_per_kwh", "currency", "year", "scope", "source");

    private final Map<String, FlatTariff> byRegion;

    private PriceTable(Map<String, FlatTariff> byRegion) {
        this.byRegion = byRegion;
    }

    /** The table shipped in the ledger jar (prices.csv), read on first use. */
    public static PriceTable shipped() {
        return Shipped.TABLE;
    }

    private static final class Shipped {
        static final PriceTable TABLE = parse(Csv.resource(PriceTable.class, "/dev/wattiq/ledger/prices.csv").require(COLUMNS).rows());
    }

    public static PriceTable parse(List<Csv.Row> rows) {
        Map<String, FlatTariff> m = new LinkedHashMap<>();
        for (Csv.Row r : rows) {
            double p = r.number("price_per_kwh");
            Tariff.checkPrice(p, r.file() + ":" + r.line());
            String src = r.required("source") + "; " + r.required("scope") + ", " + r.required("year") + ", region " + r.required("region");
            m.put(GridTable.key(r.required("region")), new FlatTariff(p, Tariff.checkCurrency(r.required("currency"), r.file() + ":" + r.line()), src, true));
        }
        return new PriceTable(m);
    }

    /** The average price for {@code region}, if one is shipped. */
    public Optional<FlatTariff> forRegion(String region) {
        return Optional.ofNullable(byRegion.get(GridTable.key(region)));
    }

    /** The price used when no region price is known. */
    public FlatTariff fallback() {
        return forRegion(FALLBACK).orElseThrow();
    }
}
