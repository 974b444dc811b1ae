package dev.wattiq.ledger.data;

import dev.wattiq.ledger.pue.ConstantPue;
import dev.wattiq.meter.io.Csv;
import java.util.List;

/**
 * Shipped annual PUE figures ({@code pue.csv}): operator fleet averages ({@code aws}, {@code gcp}, {@code azure}, ...)
 * and the industry average. Always marked defaults on a bill: a fleet average is not a given hall's PUE.
 */
public final class PueTable extends KeyedTable<ConstantPue> {
    /** The scope used when nothing is known. */
    public static final String INDUSTRY = "industry";
    static final List<String> COLUMNS = List.of("scope", "pue", "year", "source");

    private PueTable(List<Csv.Row> rows) {
        super(rows, r -> r.required("scope"), PueTable::pue);
    }

    /** The table shipped in the ledger jar (pue.csv), read on first use. */
    public static PueTable shipped() {
        return Shipped.TABLE;
    }

    private static final class Shipped {
        static final PueTable TABLE = parse(shippedRows("pue.csv", COLUMNS));
    }

    public static PueTable parse(List<Csv.Row> rows) {
        return new PueTable(rows);
    }

    private static ConstantPue pue(Csv.Row r) {
        String scope = r.required("scope");
        double pue = r.number("pue");
        if (pue < 1) throw r.error("pue", "is " + pue + ": a PUE is >= 1");
        return new ConstantPue(pue, r.required("source") + "; " + scope + ", " + r.required("year"), true);
    }

    /** The operator's fleet PUE for a cloud region such as {@code aws:us-east-1}, else the industry average. */
    public ConstantPue forRegion(String region) {
        int colon = region.indexOf(':');
        if (colon > 0) {
            ConstantPue p = get(region.substring(0, colon).toLowerCase(java.util.Locale.ROOT));
            if (p != null) return p;
        }
        return industry();
    }

    public ConstantPue industry() {
        return get(INDUSTRY);
    }
}
