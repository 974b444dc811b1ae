package dev.wattiq.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wattiq.app.cli.Cli;
import dev.wattiq.meter.amdsmi.StubAmdSmi;
import dev.wattiq.meter.testing.StubLibrary;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AMD GPUs through the CLI on the stub libamd_smi.so (real time, real child process, real FFM path). */
class AmdRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String MI300X = "gpu 0 name=AMD_Instinct_MI300X uuid=1fff74a1-0000-1000-80d8-1de07a9b1b5b vram_total=206141652992"
            + " vram_used=1073741824 power_w=500 energy=counter resolution=15.3 cap_w=750 min_cap_w=0 max_cap_w=750";
    static final String MI210 = "gpu 1 name=AMD_Instinct_MI210 uuid=7cff74a1-0000-1000-80b7-a3d3b7e1e5a1 vram_total=68702699520"
            + " vram_used=0 power_w=200 energy=none power=average cap_w=300 min_cap_w=0 max_cap_w=300";

    @TempDir
    Path tmp;

    @Test
    void devicesListsAmdGpusWithMemoryPowerLimitsAndTheEnergySource() throws Exception {
        StubLibrary stub = StubAmdSmi.create(tmp, "init ok", MI300X, MI210);
        Cli.Result r = Cli.run(tmp.resolve("home"), "devices", "--sysfs-root", tmp.resolve("nosys").toString(), "--amd-smi-library", stub.library().toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("gpu 0  AMD Instinct MI300X  1fff74a1-0000-1000-80d8-1de07a9b1b5b",
                "memory 1.0 GiB used of 192.0 GiB, power 500.0 W, limit 750.0 W",
                "energy source: counter (AMD SMI energy accumulator (amdsmi_get_energy_count) x its resolution of 15.3 µJ per count",
                "power cap settable from 0 W to 750 W",
                "gpu 1  AMD Instinct MI210", "energy source: integrated (this GPU has no energy accumulator");
        Cli.Result j = Cli.run(tmp.resolve("home"), "devices", "--json", "--sysfs-root", tmp.resolve("nosys").toString(), "--amd-smi-library",
                stub.library().toString());
        JsonNode d = JSON.readTree(j.out()).get("devices");
        JsonNode mi300 = null;
        for (JsonNode n : d) if (n.get("name").asText().equals("AMD Instinct MI300X")) mi300 = n;
        assertThat(mi300).isNotNull();
        assertThat(mi300.get("memory_total_bytes").asLong()).isEqualTo(206141652992L);
        assertThat(mi300.get("power_limit_w").asDouble()).isEqualTo(750.0);
        assertThat(mi300.get("energy_source").asText()).isEqualTo("counter");

        Cli.Result bad = Cli.run(tmp.resolve("home"), "devices", "--amd-smi-library", tmp.resolve("nope.so").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("wattiq: --amd-smi-library " + tmp.resolve("nope.so") + ": AMD SMI library " + tmp.resolve("nope.so")
                + " not found: check the --amd-smi-library path, or leave it out to use ROCm's libamd_smi.so");
    }

    @Test
    void aRunMeasuresBothGpusEachWithItsOwnMethod() throws Exception {
        StubLibrary stub = StubAmdSmi.create(tmp, "init ok", MI300X, MI210);
        Path out = tmp.resolve("run.json");
        Cli.Result r = Cli.run(tmp.resolve("home"), "run", "--scope", "machine", "--interval", "50ms", "--no-store", "--json-out", out.toString(),
                "--sysfs-root", tmp.resolve("nosys").toString(), "--amd-smi-library", stub.library().toString(), "--", "sleep", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(out.toFile());
        Map<String, JsonNode> d = new HashMap<>();
        for (JsonNode n : j.get("devices")) d.put(n.get("device").asText(), n);
        assertThat(d.get("amd-gpu-0").get("method").asText()).isEqualTo("measured");
        assertThat(d.get("amd-gpu-0").get("name").asText()).isEqualTo("AMD Instinct MI300X");
        assertThat(d.get("amd-gpu-1").get("method").asText()).isEqualTo("integrated");
        assertThat(d.get("amd-gpu-1").get("uuid").asText()).isEqualTo("7cff74a1-0000-1000-80b7-a3d3b7e1e5a1");
        double seconds = WallRunTest.meteredSeconds(j);
        assertThat(j.get("energy_j").get("by_component").get("gpu").asDouble() / seconds).as("500 W + 200 W").isBetween(700 * 0.9, 700 * 1.1);
    }
}
