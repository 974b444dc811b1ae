package dev.wattiq.app.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wattiq.app.cli.Cli;
import dev.wattiq.app.cli.CliJvm;
import dev.wattiq.app.cli.External;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/seed/ddp.py as two ranks (gloo on CPU, Debian's python3-torch), each under its own {@code wattiq run --job};
 * rank 0 prints the lab's quality figures and {@code wattiq report --job} sums both ranks.
 */
class DdpJobTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void twoRanksUnderWattiqRunAreOneJob() throws Exception {
        Path python = External.pythonWithTorch();
        Path script = Path.of(System.getProperty("user.dir")).getParent().resolve("examples/seed/ddp.py");
        Path home = dir.resolve("home");
        int port = External.freePort();
        List<Process> ranks = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            ProcessBuilder pb = CliJvm.builder(home, "run", "--job", "ddp-test", "--label", "rank=" + r, "--json-out",
                    dir.resolve("rank" + r + ".json").toString(), "--", python.toString(), script.toString(), "--steps", "40", "--threads", "1", "--json");
            pb.environment().put("RANK", String.valueOf(r));
            pb.environment().put("WORLD_SIZE", "2");
            pb.environment().put("MASTER_ADDR", "127.0.0.1");
            pb.environment().put("MASTER_PORT", String.valueOf(port));
            pb.redirectOutput(dir.resolve("rank" + r + ".out").toFile()).redirectError(dir.resolve("rank" + r + ".err").toFile());
            ranks.add(pb.start());
        }
        double sum = 0;
        for (int r = 0; r < 2; r++) {
            assertThat(ranks.get(r).waitFor(200, TimeUnit.SECONDS)).isTrue();
            assertThat(ranks.get(r).exitValue()).as(Files.readString(dir.resolve("rank" + r + ".err"))).isZero();
            double e = JSON.readTree(dir.resolve("rank" + r + ".json").toFile()).at("/energy_j/total").asDouble();
            assertThat(e).as("rank " + r + " energy").isPositive();
            sum += e;
        }
        JsonNode quality = JSON.readTree(Files.readString(dir.resolve("rank0.out")).strip());
        assertThat(quality.get("experiment").asText()).isEqualTo("parallel-k2");
        assertThat(quality.has("test_mse")).isTrue();
        assertThat(quality.get("noise_floor_mse").asDouble()).isCloseTo(0.01, within(1e-9));
        JsonNode j = Cli.json(home, "report", "--job", "ddp-test", "--json");
        assertThat(j.get("runs_count").asInt()).isEqualTo(2);
        assertThat(j.at("/energy_j/total").asDouble()).isCloseTo(sum, within(1e-9));
    }
}
