package dev.wattiq.app.tune;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wattiq schedule}: the JSON contract and the one-line errors. */
class ScheduleCommandTest {
    @TempDir
    Path dir;

    private Path series() throws Exception {
        StringBuilder sb = new StringBuilder("timestamp,region,price_per_kwh,gco2e_per_kwh\n");
        double[] a = {0.30, 0.30, 0.10, 0.10, 0.30, 0.05};
        for (int h = 0; h < 6; h++) {
            sb.append(String.format("2025-01-01T%02d:00Z,A,%s,400%n", h, a[h]));
            sb.append(String.format("2025-01-01T%02d:00Z,B,0.2,50%n", h));
        }
        Path f = dir.resolve("s.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void writesTheContractKeys() throws Exception {
        Path json = dir.resolve("s.json");
        TuneCli r = TuneCli.run("schedule", "--series", series().toString(), "--duration", "2", "--power-kw", "10",
                "--deadline", "2025-01-01T06:00Z", "--json-out", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        assertThat(n.get("start").asText()).isEqualTo("2025-01-01T02:00:00Z");
        assertThat(n.get("region").asText()).isEqualTo("A");
        assertThat(n.get("cost").asDouble()).isEqualTo(2.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(n.get("baseline").get("cost").asDouble()).isEqualTo(6.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(n.get("savings_pct").asDouble()).isEqualTo(66.666, org.assertj.core.api.Assertions.within(0.01));
        assertThat(n.has("co2e_kg")).isTrue();
        assertThat(r.out()).contains("chosen").contains("baseline").contains("savings");
    }

    @Test
    void interruptibleListsHours() throws Exception {
        Path json = dir.resolve("i.json");
        TuneCli r = TuneCli.run("schedule", "--series", series().toString(), "--duration", "3", "--power-kw", "1",
                "--deadline", "2025-01-01T06:00Z", "--interruptible", "--regions", "A", "--json-out", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(json.toFile()).get("hours").toString())
                .isEqualTo("[\"2025-01-01T02:00:00Z\",\"2025-01-01T03:00:00Z\",\"2025-01-01T05:00:00Z\"]");
    }

    @Test
    void badInputIsOneLine() throws Exception {
        String s = series().toString();
        TuneCli late = TuneCli.run("schedule", "--series", s, "--duration", "4", "--power-kw", "1", "--deadline", "2025-01-01T03:00Z");
        assertThat(late.code()).isEqualTo(2);
        assertThat(late.err()).startsWith("wattiq: the deadline").contains("before the job could finish");
        assertThat(TuneCli.run("schedule", "--series", s, "--duration", "1", "--power-kw", "1", "--deadline", "2025-01-01T03:00").err())
                .contains("UTC offset");
        assertThat(TuneCli.run("schedule", "--series", s, "--duration", "1", "--power-kw", "1", "--deadline", "2025-01-01T05:00Z",
                "--regions", "A,Z").err()).contains("unknown region 'Z'");
        assertThat(TuneCli.run("schedule", "--series", s, "--duration", "1", "--power-kw", "1", "--deadline", "2025-01-01T05:00Z",
                "--objective", "speed").err()).contains("cost, carbon or weighted");
        Path gap = dir.resolve("g.csv");
        Files.writeString(gap, "timestamp,region,price_per_kwh,gco2e_per_kwh\n2025-01-01T00:00Z,A,1,1\n2025-01-01T02:00Z,A,1,1\n");
        TuneCli g = TuneCli.run("schedule", "--series", gap.toString(), "--duration", "1", "--power-kw", "1", "--deadline", "2025-01-01T05:00Z");
        assertThat(g.err()).contains("no row for hour 2025-01-01T01:00:00Z").doesNotContain("Exception");
    }
}
