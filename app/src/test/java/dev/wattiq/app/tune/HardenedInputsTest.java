package dev.wattiq.app.tune;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's planner probes through the CLI, as a user meets them: a flat price keeps the earliest start with a 0%
 * saving; an absurd demand is a one-line error, not "-4 devices"; duplicate CSV columns and Java-literal numbers
 * ({@code 1.0d}, {@code 2f}) in a user's file are refused (the shared CSV reader, regression-tested here end to end).
 */
class HardenedInputsTest {
    @TempDir
    Path dir;

    @Test
    void aFlatPriceKeepsTheEarliestStartAndReportsNoSaving() throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,region,price_per_kwh,gco2e_per_kwh\n");
        for (int h = 0; h < 48; h++) {
            csv.append(String.format("2025-01-%02dT%02d:00Z,DE,0.1,%d%n", 1 + h / 24, h % 24, 100 + 40 * h)); // later is dirtier
        }
        Path series = Files.writeString(dir.resolve("flat.csv"), csv);
        Path out = dir.resolve("s.json");
        TuneCli r = TuneCli.run("schedule", "--series", series.toString(), "--duration", "3", "--power-kw", "10", "--now", "2025-01-01T00:00Z",
                "--deadline", "2025-01-03T00:00Z", "--json-out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        assertThat(j.get("start").asText()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(j.get("baseline").get("start").asText()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(j.get("savings_pct").asDouble()).isZero();
        assertThat(j.get("cost_savings_pct").asDouble()).isZero();
        assertThat(j.get("co2e_savings_pct").asDouble()).as("no more CO2e for a 0.0% saving").isZero();
        assertThat(r.out()).contains("savings: 0.0%").doesNotContain("2025-01-02T");
    }

    @Test
    void anAbsurdDemandIsAOneLineError() {
        TuneCli r = TuneCli.run("plan", "infer", "--model", "llama-2-70b", "--hardware", "a100-80gb", "--requests-per-day", "1e15");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("wattiq: the replicas for the demand would be 5.61e+09, beyond the 2147483647 a plan can count")
                .doesNotContain("\n").doesNotContain("-4");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void duplicateColumnsAndJavaLiteralNumbersInAUsersCsvAreRefused() throws Exception {
        Path dup = Files.writeString(dir.resolve("dup.csv"), "label,energy_j,energy_j,accuracy\na,1,2,0.9\nb,2,3,0.8\n");
        TuneCli d = TuneCli.run("tune", "points", "--input", dup.toString(), "--objectives", "energy_j:min,accuracy:max");
        assertThat(d.code()).isEqualTo(2);
        assertThat(d.err().strip()).contains("column 3 (energy_j) repeats the name of column 2").doesNotContain("\n");
        for (String literal : new String[] {"1.0d", "2f", "0x10", "NaN"}) {
            Path s = Files.writeString(dir.resolve("s.csv"), "timestamp,region,price_per_kwh,gco2e_per_kwh\n2025-01-01T00:00Z,A," + literal
                    + ",100\n2025-01-01T01:00Z,A,0.1,100\n");
            TuneCli r = TuneCli.run("schedule", "--series", s.toString(), "--duration", "1", "--power-kw", "1", "--now", "2025-01-01T00:00Z",
                    "--deadline", "2025-01-01T02:00Z");
            assertThat(r.code()).as(literal).isEqualTo(2);
            assertThat(r.err().strip()).as(literal).contains("is '" + literal + "', not a ").doesNotContain("\n");
        }
    }
}
