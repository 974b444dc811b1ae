package dev.wattiq.planner.schedule;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast timestamp path agrees with {@link OffsetDateTime#parse} or steps aside. */
class FastTimeTest {
    @Property(tries = 500)
    void agreesWithTheJdk(@ForAll @LongRange(min = -2_000_000_000L, max = 4_000_000_000L) long epoch,
                          @ForAll @IntRange(min = -18 * 4, max = 18 * 4) int quarterHours, @ForAll boolean seconds) {
        ZoneOffset off = ZoneOffset.ofTotalSeconds(quarterHours * 900);
        OffsetDateTime t = Instant.ofEpochSecond(epoch).atOffset(off);
        String text = t.format(DateTimeFormatter.ofPattern(seconds ? "yyyy-MM-dd'T'HH:mm:ssXXX" : "yyyy-MM-dd'T'HH:mmXXX"));
        long expected = seconds ? epoch : epoch - Math.floorMod(epoch + off.getTotalSeconds(), 60);
        assertThat(FastTime.epochSecondOrMin(text)).as(text).isEqualTo(expected);
        assertThat(OffsetDateTime.parse(text).toEpochSecond()).isEqualTo(expected);
    }

    @Test
    void otherShapesFallBack() {
        for (String s : new String[] {"2025-01-01T00:00", "2025-02-30T00:00Z", "2025-01-01T24:00Z", "2025-01-01 00:00Z",
                "2025-01-01T00:00:00.5Z", "2025-01-01T00:00+0100", "yesterday", "2025-13-01T00:00Z"}) {
            assertThat(FastTime.epochSecondOrMin(s)).as(s).isEqualTo(Long.MIN_VALUE);
        }
    }
}
