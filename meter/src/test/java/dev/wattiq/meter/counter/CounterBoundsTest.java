package dev.wattiq.meter.counter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CounterBoundsTest {
    @Test
    void theShippedTableHasABoundWithASourceForEveryKindWattiqReads() {
        CounterBounds b = CounterBounds.shipped();
        for (String kind : new String[] {"cpu_package", "dram", "psys", "gpu"}) {
            PowerBound p = b.stated(kind);
            assertThat(p.watts()).isPositive();
            assertThat(p.source()).startsWith("stated bound for " + kind + " in counter-bounds.csv: ").matches(".*, 20\\d\\d");
        }
        assertThat(b.stated("cpu_package").watts()).isEqualTo(2000);
        assertThat(b.headroom()).isGreaterThan(1);
    }

    @Test
    void aZonesOwnLimitTimesTheHeadroomWinsWhenTighter() {
        CounterBounds b = CounterBounds.shipped();
        PowerBound p = b.fromLimit(125, "constraint_0_max_power_uw of intel-rapl:0", "cpu_package");
        assertThat(p.watts()).isEqualTo(125 * b.headroom());
        assertThat(p.toString()).isEqualTo("375 W (3 x constraint_0_max_power_uw of intel-rapl:0 125 W; headroom from counter-bounds.csv)");
        assertThat(b.fromLimit(0, "x", "cpu_package")).as("0, as some firmware writes, is no limit").isEqualTo(b.stated("cpu_package"));
        assertThat(b.fromLimit(Double.NaN, "x", "gpu")).isEqualTo(b.stated("gpu"));
        assertThat(b.fromLimit(4_294_967, "x", "cpu_package")).as("an absurd limit does not switch the rule off").isEqualTo(b.stated("cpu_package"));
    }

    @Test
    void anUnlistedKindGetsTheWidestBoundNeverNone() {
        PowerBound p = CounterBounds.shipped().stated("fan");
        assertThat(p.source()).startsWith("no bound listed for fan; the widest in counter-bounds.csv (wall)");
        assertThat(p.watts()).isEqualTo(30000);
        assertThat(CounterBounds.shipped().stated(CounterBounds.HEADROOM).watts()).as("the factor is not a bound").isEqualTo(30000);
    }

    @Test
    void malformedTablesAreRefusedNamingTheProblem() {
        String head = "kind,max_w,source,year\n";
        String headroom = "constraint_headroom,3,s,2024\n";
        assertThatThrownBy(() -> CounterBounds.parse(head + "gpu,lots,s,2024\n" + headroom, "t.csv")).hasMessageContaining("t.csv:2: column 2 (max_w) is 'lots', not a number");
        assertThatThrownBy(() -> CounterBounds.parse(head + "gpu,-5,s,2024\n" + headroom, "t.csv")).hasMessageContaining("positive max_w");
        assertThatThrownBy(() -> CounterBounds.parse(head + "gpu,5,,2024\n" + headroom, "t.csv")).hasMessageContaining("a source");
        assertThatThrownBy(() -> CounterBounds.parse(head + "gpu,5,s,2024\ngpu,6,s,2024\n" + headroom, "t.csv")).hasMessageContaining("kind gpu twice");
        assertThatThrownBy(() -> CounterBounds.parse(head + "gpu,5,s,2024\n", "t.csv")).hasMessageContaining("needs a constraint_headroom row");
        assertThat(CounterBounds.parse(head + "gpu,5,s,2024\n" + headroom, "t.csv").stated("gpu").watts()).isEqualTo(5);
    }
}
