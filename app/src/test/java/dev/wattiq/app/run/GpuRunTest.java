package dev.wattiq.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wattiq.app.cli.Cli;
import dev.wattiq.meter.nvml.StubNvml;
import dev.wattiq.meter.testing.StubLibrary;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wattiq run} with the GPU sensor on the stub NVML (real time, real child process, real FFM path). */
class GpuRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static Map<String, JsonNode> devices(JsonNode run) {
        Map<String, JsonNode> m = new HashMap<>();
        for (JsonNode d : run.get("devices")) m.put(d.get("device").asText(), d);
        return m;
    }

    @Test
    void machineScopeSumsEveryGpuWithItsOwnMethod() throws Exception {
        StubLibrary stub = StubNvml.create(tmp, DevicesCommandTest.H100, DevicesCommandTest.P100);
        Path out = tmp.resolve("run.json");
        Cli.Result r = Cli.run(tmp.resolve("home"), "run", "--scope", "machine", "--interval", "50ms", "--no-store",
                "--json-out", out.toString(), "--nvml-library", stub.library().toString(), "--", "sh", "-c", "sleep 0.8");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(out.toFile());
        double seconds = j.get("duration_s").asDouble();
        double gpu = j.get("energy_j").get("by_component").get("gpu").asDouble();
        assertThat(gpu / seconds).as("312.5 W (counter) + 31 W (integrated)").isBetween(343.5 * 0.85, 343.5 * 1.1);
        Map<String, JsonNode> d = devices(j);
        assertThat(d.get("gpu-0").get("method").asText()).isEqualTo("measured");
        assertThat(d.get("gpu-0").get("name").asText()).isEqualTo("NVIDIA H100 80GB HBM3");
        assertThat(d.get("gpu-0").get("uuid").asText()).isEqualTo("GPU-0a1b2c3d");
        assertThat(d.get("gpu-1").get("method").asText()).isEqualTo("integrated");
        assertThat(d.get("gpu-0").get("energy_j").asDouble() + d.get("gpu-1").get("energy_j").asDouble()).isCloseTo(gpu, org.assertj.core.api.Assertions.within(1e-6));
        // assumptions is one list (meter and ledger), each entry {name, value, source}
        JsonNode source = null;
        for (JsonNode a : j.get("assumptions")) {
            if (a.get("name").asText().equals("gpu-1.energy_source")) source = a;
        }
        assertThat(source).as("gpu-1.energy_source in %s", j.get("assumptions")).isNotNull();
        assertThat(source.get("value").asText()).contains("a ~1 s average");
        assertThat(source.get("source").asText()).isEqualTo("meter");
    }

    @Test
    void processScopeChargesTheCommandItsShareOfTheGpuItUsed() throws Exception {
        StubLibrary stub = StubNvml.create(tmp, DevicesCommandTest.H100, DevicesCommandTest.P100, "process 0 pid=1 sm=50 mem=1");
        Path ctl = Path.of(stub.library() + ".ctl");
        Path out = tmp.resolve("run.json");
        // the command puts itself on gpu-0 beside pid 1 (not in its tree), with the same SM utilisation
        Cli.Result r = Cli.run(tmp.resolve("home"), "run", "--scope", "process", "--interval", "50ms", "--no-store",
                "--json-out", out.toString(), "--nvml-library", stub.library().toString(), "--",
                "sh", "-c", "echo \"process 0 pid=$$ sm=50 mem=1\" >> '" + ctl + "'; sleep 1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, JsonNode> d = devices(JSON.readTree(out.toFile()));
        JsonNode g0 = d.get("gpu-0");
        double share = g0.get("energy_j").asDouble() / g0.get("device_energy_j").asDouble();
        assertThat(share).as("half of gpu-0's SM utilisation").isBetween(0.35, 0.55);
        assertThat(d.get("gpu-1").get("energy_j").asDouble()).as("gpu-1 was not used by the command").isZero();
        assertThat(d.get("gpu-1").get("device_energy_j").asDouble()).isGreaterThan(0);
    }

    @Test
    void aGpuLostDuringTheRunIsAGapNotAFailure() throws Exception {
        StubLibrary stub = StubNvml.create(tmp, DevicesCommandTest.H100, DevicesCommandTest.P100 + " lost_after_ms=400");
        Path out = tmp.resolve("run.json");
        Cli.Result r = Cli.run(tmp.resolve("home"), "run", "--scope", "machine", "--interval", "50ms", "--no-store",
                "--json-out", out.toString(), "--nvml-library", stub.library().toString(), "--", "sh", "-c", "sleep 1; exit 4");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(4);
        JsonNode j = JSON.readTree(out.toFile());
        assertThat(j.get("status").asText()).isEqualTo("complete");
        assertThat(j.get("notes").toString()).contains("gpu-1 (Tesla P100-PCIE-16GB) was lost").contains("NVML_ERROR_GPU_IS_LOST");
        Map<String, JsonNode> d = devices(j);
        assertThat(d.get("gpu-0").get("energy_j").asDouble() / j.get("duration_s").asDouble()).isBetween(312.5 * 0.85, 312.5 * 1.1);
    }
}
