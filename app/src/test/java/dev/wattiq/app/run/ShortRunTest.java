package dev.wattiq.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wattiq.app.cli.Cli;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: a CPU-bound command of about 0.1 s, shorter than the sampling interval (and often than the meter's own
 * start on a loaded machine), through the real CLI on this machine's /proc: its CPU is charged from its exact CPU time,
 * or the run says why it could not be; no figure anywhere (run JSON, runs list, show) is NaN.
 */
class ShortRunTest {
    @TempDir
    Path home;

    @Test
    void aTenthOfASecondOfCpuIsChargedAndNeverPricedAsNaN() throws Exception {
        for (String[] command : new String[][] {
                {"sh", "-c", "i=0; while [ $i -lt 40000 ]; do i=$((i+1)); done"}, // ~0.1 s of CPU here
                {"true"}}) { // a few ms: ends before the sensors open
            Cli.Measured run = Cli.measure(home, home.resolve(command[0] + ".json"),
                    List.of("--interval", "1s"), List.of(command)); // longer than the command: no sample inside it
            Cli.Result r = run.result();
            JsonNode j = run.json();
            double cpu = j.get("energy_j").get("by_component").path("cpu").asDouble(Double.NaN);
            boolean tooShort = j.get("too_short").asBoolean();
            if (command[0].equals("sh")) {
                assertThat(cpu).as(r.err()).isPositive();
                assertThat(j.get("assumptions").toString()).contains("cpu_time_s", "own work");
            }
            if (!(cpu > 0)) assertThat(tooShort).as("no CPU charge without a reason").isTrue();
            if (tooShort) assertThat(j.get("too_short_reasons")).isNotEmpty();
            assertThat(r.err()).doesNotContain("NaN");
            JsonNode cost = j.get("cost");
            if (cost.isNull()) {
                assertThat(tooShort).as("only a run charged nothing has no bill").isTrue();
                assertThat(j.get("energy_j").get("total").asDouble()).isZero();
            } else {
                assertThat(cost.get("amount").isNumber()).as(cost.toString()).isTrue();
                assertThat(cost.get("amount").asDouble()).isFinite().isPositive();
            }
            JsonNode stored = Cli.json(home, "show", j.get("run_id").asText(), "--json");
            assertThat(stored.get("too_short").asBoolean()).isEqualTo(tooShort);
            assertThat(stored.get("cost")).isEqualTo(cost);
        }
        Cli.Result list = Cli.run(home, "runs", "--json");
        assertThat(list.out()).doesNotContain("NaN").contains("\"too_short\"");
        Cli.Result table = Cli.run(home, "runs");
        assertThat(table.out()).doesNotContain("NaN");
    }
}
