package dev.wattiq.planner.schedule;

import dev.wattiq.planner.PlannerException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The series parser: every malformed input gets a one-line error naming line and column. */
class SeriesTest {
    static final String HEADER = "timestamp,region,price_per_kwh,gco2e_per_kwh\n";

    static Series parse(String body) {
        return Series.parse(HEADER + body, "s.csv");
    }

    @Test
    void readsSeveralRegionsInAnyRowOrder() {
        Series s = parse("""
                2025-01-01T01:00Z,B,0.20,300
                2025-01-01T00:00Z,A,0.10,100
                2025-01-01T01:00+00:00,A,0.11,110
                2025-01-01T01:00:00+01:00,B,0.21,310
                """);
        assertThat(s.regions()).containsExactly("B", "A");
        assertThat(s.start()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(s.hours()).isEqualTo(2);
        assertThat(s.price()[1]).containsExactly(0.10, 0.11);
        assertThat(s.carbon()[0]).containsExactly(310, 300); // +01:00 01:00 is 00:00Z
    }

    @Test
    void columnsMayComeInAnyOrderWithExtras() {
        Series s = Series.parse("region,note,gco2e_per_kwh,timestamp,price_per_kwh\nX,\"a, b\",5,2025-03-01T00:00Z,-0.02\n", "s");
        assertThat(s.price()[0]).containsExactly(-0.02); // negative wholesale prices are real
    }

    @Test
    void timesWithoutOffsetAreRefusedWithTheFix() {
        assertThatThrownBy(() -> parse("2025-01-01T00:00,A,0.1,100\n"))
                .isInstanceOf(PlannerException.class)
                .hasMessage("s.csv:2: column 1 (timestamp) '2025-01-01T00:00' is not an ISO-8601 time with a UTC "
                        + "offset: add the offset, e.g. 2025-01-01T00:00Z or 2025-01-01T00:00+01:00");
        assertThatThrownBy(() -> parse("yesterday,A,0.1,100\n")).hasMessageContaining("s.csv:2: column 1 (timestamp)");
        assertThatThrownBy(() -> parse("2025-01-01T00:30Z,A,0.1,100\n")).hasMessageContaining("not on the hour");
    }

    @Test
    void duplicateHoursNameBothLines() {
        assertThatThrownBy(() -> parse("2025-01-01T00:00Z,A,0.1,100\n2025-01-01T01:00+01:00,A,0.1,100\n"))
                .hasMessageContaining("s.csv:3: column 1 (timestamp)").hasMessageContaining("duplicate hour 2025-01-01T00:00:00Z for region A")
                .hasMessageContaining("first on line 2");
    }

    @Test
    void gapsAndRaggedRegionsNameTheMissingHour() {
        assertThatThrownBy(() -> parse("2025-01-01T00:00Z,A,0.1,100\n2025-01-01T02:00Z,A,0.1,100\n"))
                .hasMessageContaining("region A has no row for hour 2025-01-01T01:00:00Z");
        assertThatThrownBy(() -> parse("2025-01-01T00:00Z,A,0.1,100\n2025-01-01T01:00Z,A,0.1,100\n2025-01-01T01:00Z,B,0.1,100\n"))
                .hasMessageContaining("region B has no row for hour 2025-01-01T00:00:00Z");
    }

    @Test
    void rowsCenturiesApartAreAGapFoundWithoutAllocatingTheSpan() {
        assertThatThrownBy(() -> parse("0001-01-01T00:00Z,A,0.1,100\n9999-01-01T00:00Z,A,0.1,100\n"))
                .isInstanceOf(PlannerException.class).hasMessageContaining("region A has no row for hour 0001-01-01T01:00:00Z");
        assertThatThrownBy(() -> parse("2025-01-01T00:00Z,A,0.1,100\n2025-01-01T01:00Z,A,0.1,100\n2025-01-01T00:00Z,B,0.1,100\n"
                + "2099-01-01T00:00Z,B,0.1,100\n")).hasMessageContaining("region A has no row for hour 2025-01-01T02:00:00Z");
    }

    @Test
    void badNumbersAndEmptyFilesAndMissingColumns() {
        assertThatThrownBy(() -> parse("2025-01-01T00:00Z,A,cheap,100\n"))
                .hasMessageContaining("s.csv:2: column 3 (price_per_kwh) is 'cheap', not a number");
        assertThatThrownBy(() -> parse("2025-01-01T00:00Z,A,0.1,NaN\n")).hasMessageContaining("column 4").hasMessageContaining("finite");
        assertThatThrownBy(() -> parse("2025-01-01T00:00Z,A,0.1,-5\n")).hasMessageContaining("negative");
        assertThatThrownBy(() -> parse("2025-01-01T00:00Z,,0.1,5\n")).hasMessageContaining("s.csv:2: column 2 (region) is empty");
        assertThatThrownBy(() -> parse("2025-01-01T00:00Z,A,0.1\n")).hasMessageContaining("s.csv:2: has 3 fields");
        assertThatThrownBy(() -> parse("")).hasMessageContaining("no rows");
        assertThatThrownBy(() -> Series.parse("", "s.csv")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Series.parse("time,region,price_per_kwh,gco2e_per_kwh\n", "s.csv"))
                .hasMessageContaining("no column 'timestamp'");
        assertThatThrownBy(() -> parse("2025-01-01T00:00Z,\"A,0.1,5\n")).hasMessageContaining("never closed");
        assertThatThrownBy(() -> parse("2025-01-01T00:00Z,A,0.1,5\n").region("Z")).hasMessageContaining("unknown region 'Z'");
    }

    @Property(tries = 50)
    void anyCompleteSeriesRoundTrips(@ForAll @IntRange(min = 1, max = 48) int hours, @ForAll @IntRange(min = 1, max = 4) int regions) {
        StringBuilder sb = new StringBuilder(HEADER);
        Instant t0 = Instant.parse("2025-06-01T00:00:00Z");
        for (int h = hours - 1; h >= 0; h--) {
            for (int r = 0; r < regions; r++) sb.append(t0.plusSeconds(3600L * h)).append(",R").append(r).append(',')
                    .append(h * 0.01 + r).append(',').append(h + 100 * r).append('\n');
        }
        Series s = Series.parse(sb.toString(), "p");
        assertThat(s.hours()).isEqualTo(hours);
        assertThat(s.regions()).hasSize(regions);
        for (int r = 0; r < regions; r++) for (int h = 0; h < hours; h++) assertThat(s.carbon()[r][h]).isEqualTo(h + 100 * r);
    }
}
