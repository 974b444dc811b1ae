package dev.wattiq.ledger.data;

import dev.wattiq.meter.io.Csv;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A table shipped as CSV in the ledger jar, read into one value per key in file order (a later row for a key replaces
 * an earlier one): what {@link PriceTable} and {@link PueTable} have in common. Each row's value is read (and
 * checked) before its key.
 */
abstract class KeyedTable<V> {
    private final Map<String, V> byKey;

    KeyedTable(List<Csv.Row> rows, Function<Csv.Row, String> key, Function<Csv.Row, V> value) {
        Map<String, V> m = new LinkedHashMap<>();
        for (Csv.Row r : rows) {
            V v = value.apply(r);
            m.put(key.apply(r), v);
        }
        this.byKey = m;
    }

    /** The value stored under {@code key} (as the key function wrote it), or null. */
    final V get(String key) {
        return byKey.get(key);
    }

    /** The rows of {@code /dev/wattiq/ledger/FILE} in the ledger jar, its header checked against {@code columns}. */
    static List<Csv.Row> shippedRows(String file, List<String> columns) {
        return Csv.resource(KeyedTable.class, "/dev/wattiq/ledger/" + file).require(columns).rows();
    }
}
