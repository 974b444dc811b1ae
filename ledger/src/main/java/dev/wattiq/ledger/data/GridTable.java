package dev.wattiq.ledger.data;

import dev.wattiq.ledger.LedgerException;
import dev.wattiq.ledger.carbon.AnnualIntensity;
import dev.wattiq.meter.io.Csv;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The shipped table of annual grid intensities per region ({@code grid_intensity.csv}): several cited rows per
 * region where sources disagree, one of them preferred. Region codes are matched case-insensitively, and
 * {@code aws/us-east-1} or {@code aws us-east-1} find {@code aws:us-east-1}.
 */
public final class GridTable {
    /** The region used when the user names none. */
    public static final String WORLD = "WORLD";
    public static final List<String> COLUMNS = List.of("region", "name", "g_per_kwh", "kind", "scope", "year", "source", "is_default", "same_as");

    /**
     * One cited figure.
     *
     * @param region    canonical region code
     * @param name      readable name
     * @param intensity the figure, with its source
     * @param preferred true for the row used unless another source is asked for
     * @param sameAs    the region whose figure this one borrows, or empty
     */
    public record Row(String region, String name, AnnualIntensity intensity, boolean preferred, String sameAs) {
    }

    private final Map<String, List<Row>> byRegion;
    private final Map<String, String> names;
    private final Map<String, String> codeByName = new LinkedHashMap<>();

    private GridTable(Map<String, List<Row>> byRegion, Map<String, String> names) {
        this.byRegion = byRegion;
        this.names = names;
        byRegion.forEach((k, rows) -> codeByName.putIfAbsent(rows.getFirst().name().toLowerCase(Locale.ROOT), k));
    }

    /** The table shipped in the ledger jar (grid_intensity.csv), read on first use. */
    public static GridTable shipped() {
        return Shipped.TABLE;
    }

    private static final class Shipped {
        static final GridTable TABLE = parse(Csv.resource(GridTable.class, "/dev/wattiq/ledger/grid_intensity.csv").require(COLUMNS).rows());
    }

    /** Builds a table from CSV rows (same columns as the shipped file). */
    public static GridTable parse(List<Csv.Row> rows) {
        Map<String, List<Row>> byRegion = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Csv.Row> aliases = new LinkedHashMap<>();
        for (Csv.Row r : rows) {
            String region = r.required("region");
            names.put(key(region), region);
            if (!r.text("same_as").isEmpty()) {
                aliases.put(region, r);
                continue;
            }
            boolean preferred = switch (r.required("is_default")) {
                case "true" -> true;
                case "false" -> false;
                default -> throw r.error("is_default", "is '" + r.text("is_default") + "': write true or false");
            };
            double g = r.number("g_per_kwh");
            if (g < 0) throw r.error("g_per_kwh", "is negative: intensities are >= 0 gCO2e/kWh");
            AnnualIntensity ai = new AnnualIntensity(region, g, r.required("kind"), r.required("scope"), r.required("year"), r.required("source"), false);
            byRegion.computeIfAbsent(key(region), k -> new ArrayList<>()).add(new Row(region, r.required("name"), ai, preferred, ""));
        }
        aliases.forEach((region, r) -> {
            String target = r.text("same_as");
            List<Row> rowsOf = byRegion.get(key(target));
            if (rowsOf == null) throw r.error("same_as", "names unknown region '" + target + "': name a region listed above it");
            List<Row> copy = new ArrayList<>();
            for (Row t : rowsOf) {
                AnnualIntensity a = t.intensity();
                copy.add(new Row(region, r.required("name"), new AnnualIntensity(region, a.gramsPerKwh(), a.kind(),
                        "located in " + t.name() + ": " + a.scope(), a.year(), a.source(), false), t.preferred(), target));
            }
            byRegion.put(key(region), copy);
        });
        for (Map.Entry<String, List<Row>> e : byRegion.entrySet()) {
            long n = e.getValue().stream().filter(Row::preferred).count();
            if (n != 1) throw new LedgerException("grid table: region " + names.get(e.getKey()) + " has " + n + " rows with is_default=true: mark exactly one");
            e.setValue(List.copyOf(e.getValue()));
        }
        return new GridTable(byRegion, names);
    }

    /** Canonical codes of every region, in file order. */
    public List<String> regions() {
        return List.copyOf(names.values());
    }

    /** Every row for {@code region} (a code, or a region's name such as {@code Iowa}), or an exception suggesting the closest codes. */
    public List<Row> rows(String region) {
        List<Row> rows = byRegion.get(resolve(region));
        if (rows == null) {
            List<String> labels = new ArrayList<>();
            byRegion.forEach((k, v) -> labels.add(names.get(k) + " (" + v.getFirst().name() + ")"));
            List<String> near = labels.stream()
                    .sorted(java.util.Comparator.comparingInt((String l) -> Math.min(
                            Suggest.distance(key(region), key(l.substring(0, l.indexOf(" (")))),
                            Suggest.distance(region.strip().toLowerCase(Locale.ROOT), l.substring(l.indexOf(" (") + 2, l.length() - 1).toLowerCase(Locale.ROOT)))))
                    .limit(3).toList();
            throw new LedgerException("unknown region '" + region + "': did you mean " + String.join(", ", near)
                    + "? (codes: ISO country FR, US state US-IA, cloud aws:us-east-1; or give --grid-intensity)");
        }
        return rows;
    }

    private String resolve(String region) {
        String k = key(region);
        if (byRegion.containsKey(k)) return k;
        return codeByName.getOrDefault(region.strip().toLowerCase(Locale.ROOT), k);
    }

    /** The preferred row for {@code region}. */
    public Row preferred(String region) {
        return rows(region).stream().filter(Row::preferred).findFirst().orElseThrow();
    }

    /** The row for {@code region} whose source contains {@code sourceHint} (case-insensitive), or the preferred one. */
    public Row select(String region, Optional<String> sourceHint) {
        if (sourceHint.isEmpty()) return preferred(region);
        String hint = sourceHint.get().toLowerCase(Locale.ROOT);
        List<Row> rows = rows(region);
        for (Row r : rows) {
            if (r.intensity().source().toLowerCase(Locale.ROOT).contains(hint)) return r;
        }
        List<String> sources = rows.stream().map(r -> "'" + r.intensity().source() + "'").toList();
        throw new LedgerException("no grid intensity for " + region + " from a source matching '" + sourceHint.get() + "': pick a word from one of " + String.join(", ", sources));
    }

    /** The canonical code for {@code region} (throws with suggestions when unknown). */
    public String canonical(String region) {
        rows(region);
        return names.get(resolve(region));
    }

    static String key(String region) {
        return region.strip().toLowerCase(Locale.ROOT).replaceAll("[/\\s]+", ":");
    }
}
