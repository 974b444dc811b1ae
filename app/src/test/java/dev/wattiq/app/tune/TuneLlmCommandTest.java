package dev.wattiq.app.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wattiq tune llm}: the JSON contract, budget conversion and errors. */
class TuneLlmCommandTest {
    @TempDir
    Path dir;

    @Test
    void chinchillaBudgetGivesTheTable3Model() throws Exception {
        Path json = dir.resolve("l.json");
        TuneCli r = TuneCli.run("tune", "llm", "--budget-flops", "5.76e23", "--hardware", "A100", "--region", "FR",
                "--start", "2025-01-01T00:00Z", "--json-out", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        for (String k : new String[] {"params", "tokens", "flops", "predicted_loss", "energy_kwh", "cost", "co2e_kg", "assumptions"}) {
            assertThat(n.has(k)).as(k).isTrue();
        }
        assertThat(n.get("params").asDouble() / 67e9).isCloseTo(1, within(0.1));
        assertThat(n.get("flops").asDouble()).isEqualTo(5.76e23);
        assertThat(n.get("co2e_kg").get("location_based").asDouble()).isPositive();
    }

    @Test
    void kwhBudgetAndInferenceTokens() throws Exception {
        Path json = dir.resolve("k.json");
        TuneCli r = TuneCli.run("tune", "llm", "--budget-kwh", "50000", "--hardware", "H100", "--price", "0.1",
                "--currency", "EUR", "--pue", "1.2", "--grid-intensity", "100", "--rule", "parametric",
                "--inference-tokens", "1e12", "--start", "2025-01-01T00:00Z", "--json-out", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        assertThat(n.get("energy_kwh").asDouble()).isLessThanOrEqualTo(50000).isCloseTo(50000, within(1.0));
        assertThat(n.get("cost").get("amount").asDouble()).isCloseTo(5000, within(1.0));
        JsonNode ia = n.get("inference_aware");
        assertThat(ia.get("params").asDouble()).isLessThan(n.get("params").asDouble());
        assertThat(ia.get("tokens").asDouble()).isGreaterThan(n.get("tokens").asDouble());
        assertThat(ia.get("lifetime_flops_saved_pct").asDouble()).isPositive();
        assertThat(r.out()).contains("fewer parameters");
    }

    @Test
    void errors() {
        assertThat(TuneCli.run("tune", "llm", "--budget-flops", "1e20", "--hardware", "nope").err()).contains("unknown hardware 'nope'");
        assertThat(TuneCli.run("tune", "llm", "--hardware", "H100").err()).contains("--budget");
        assertThat(TuneCli.run("tune", "llm", "--budget-flops", "-1", "--hardware", "H100").err()).contains("positive");
        assertThat(TuneCli.run("tune", "llm", "--budget-flops", "1e20", "--hardware", "H100", "--start", "soon").err()).contains("ISO-8601");
        TuneCli noHardware = TuneCli.run("tune", "llm", "--budget-flops", "1e20");
        assertThat(noHardware.code()).isEqualTo(2);
        assertThat(noHardware.err()).contains("no hardware given: add --hardware, e.g. --hardware H100-SXM (see 'wattiq plan train --list-hardware')");
    }
}
