package dev.wattiq.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wattiq.ledger.data.GridTable;
import dev.wattiq.meter.io.Csv;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every number the ledger ships appears in a cited source: a copy of shared/validation/reference_data.csv is read
 * and each shipped value must match one of its rows in the same category (after converting kg to g, cents to
 * currency units, lb to kg).
 */
class ShippedDataTest {
    static final List<Csv.Row> REFERENCE = Csv.resource(ShippedDataTest.class, "/dev/wattiq/ledger/reference_data.csv")
            .require(List.of("category", "value", "unit", "source")).rows();
    static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

    static boolean cited(String category, double value) {
        for (Csv.Row r : REFERENCE) {
            if (!r.text("category").equals(category)) continue;
            String unit = r.text("unit");
            double scale = unit.startsWith("kg") ? 1000 : unit.contains("cents") ? 0.01 : unit.startsWith("lb") ? 453.59237 : 1;
            Matcher m = NUMBER.matcher(r.text("value"));
            while (m.find()) {
                double v = Double.parseDouble(m.group()) * scale;
                if (Math.abs(v - value) <= 0.001 * Math.max(1, Math.abs(value))) return true;
            }
        }
        return false;
    }

    @Test
    void everyGridIntensityIsCitedAndEveryRegionHasOneDefault() {
        GridTable t = GridTable.shipped();
        assertThat(t.regions()).contains("WORLD", "US", "FR", "US-IA", "aws:us-east-1", "gcp:us-central1", "azure:eastus");
        for (String region : t.regions()) {
            assertThat(t.rows(region).stream().filter(GridTable.Row::preferred)).as(region).hasSize(1);
            for (GridTable.Row r : t.rows(region)) {
                assertThat(cited("grid_ci", r.intensity().gramsPerKwh())).as(region + " " + r.intensity()).isTrue();
                assertThat(r.intensity().source()).isNotBlank();
                assertThat(r.intensity().year()).isNotBlank();
                assertThat(r.intensity().kind()).isIn("average", "marginal");
            }
        }
        // Iowa: the three published figures are all shipped, each with its own source
        assertThat(t.rows("US-IA")).extracting(r -> r.intensity().gramsPerKwh()).contains(293.85, 352.0, 566.3);
    }

    @Test
    void everyPriceAndPueIsCited() {
        for (Csv.Row r : Csv.resource(ShippedDataTest.class, "/dev/wattiq/ledger/prices.csv").require(List.of("region", "price_per_kwh")).rows()) {
            assertThat(cited("electricity_price", r.number("price_per_kwh"))).as(r.text("region")).isTrue();
        }
        for (Csv.Row r : Csv.resource(ShippedDataTest.class, "/dev/wattiq/ledger/pue.csv").require(List.of("scope", "pue")).rows()) {
            assertThat(cited("pue", r.number("pue"))).as(r.text("scope")).isTrue();
        }
    }

    @Test
    void badTableRowsAreRejectedWithFileLineAndColumn() {
        String header = "region,name,g_per_kwh,kind,scope,year,source,is_default,same_as\n";
        assertThatThrownBy(() -> GridTable.parse(Csv.parse("g.csv", header + "XX,X,abc,average,s,2020,src,true,\n").require(GridTable.COLUMNS).rows()))
                .hasMessageStartingWith("g.csv:2: column 3 (g_per_kwh) is 'abc', not a number");
        assertThatThrownBy(() -> GridTable.parse(Csv.parse("g.csv", header + "XX,X,1,average,s,2020,src,yes,\n").require(GridTable.COLUMNS).rows()))
                .hasMessageStartingWith("g.csv:2: column 8 (is_default) is 'yes'");
        assertThatThrownBy(() -> GridTable.parse(Csv.parse("g.csv", header + "XX,X,1,average,s,2020,src,true,\nXX,X,2,average,s,2021,src,true,\n").require(GridTable.COLUMNS).rows()))
                .hasMessageContaining("XX has 2 rows with is_default=true");
        assertThatThrownBy(() -> GridTable.parse(Csv.parse("g.csv", header + "YY,Y,,,,,,,ZZ\n").require(GridTable.COLUMNS).rows()))
                .hasMessageStartingWith("g.csv:2: column 9 (same_as) names unknown region 'ZZ'");
        assertThatThrownBy(() -> GridTable.parse(Csv.parse("g.csv", header + "XX,X,1,typical,s,2020,src,true,\n").require(GridTable.COLUMNS).rows()))
                .hasMessageContaining("say 'average' or 'marginal'");
        assertThatThrownBy(() -> Csv.parse("g.csv", "a,b\n1,x\"y\"\n").require(List.of("a")).rows()).hasMessageStartingWith("g.csv:2: column 2 has a stray quote");
        assertThatThrownBy(() -> Csv.parse("g.csv", "a,b\n1,\"x\"y\n").require(List.of("a")).rows()).hasMessageStartingWith("g.csv:2: column 2 has text after its closing quote");
    }
}
