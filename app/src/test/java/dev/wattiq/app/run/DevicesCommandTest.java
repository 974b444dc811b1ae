package dev.wattiq.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wattiq.app.cli.Main;
import dev.wattiq.meter.nvml.StubNvml;
import dev.wattiq.meter.testing.StubLibrary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wattiq devices} through {@link Main#execute}, with the real NVML binding loading the stub library. */
class DevicesCommandTest {
    static final String H100 = "device 0 name=NVIDIA_H100_80GB_HBM3 uuid=GPU-0a1b2c3d mem_total=85899345920 mem_used=1073741824"
            + " power_mw=312500 limit_mw=700000 min_mw=200000 max_mw=700000 util=80";
    static final String P100 = "device 1 name=Tesla_P100-PCIE-16GB uuid=GPU-9f8e7d6c mem_total=17179869184 mem_used=0"
            + " power_mw=31000 limit_mw=250000 energy=none";

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.execute(args);
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** An empty sysfs and procfs, so no CPU sensor finds anything real on the build machine. */
    private String[] args(StubLibrary stub, String... more) throws Exception {
        Path sys = Files.createDirectories(dir.resolve("sys"));
        Path proc = Files.createDirectories(dir.resolve("proc"));
        String[] base = {"devices", "--nvml-library", stub.library().toString(), "--sysfs-root", sys.toString(), "--procfs-root", proc.toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void listsEachGpuWithItsEnergySourceAndWhy() throws Exception {
        Result r = run(args(StubNvml.create(dir, H100, P100)));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("gpu 0  NVIDIA H100 80GB HBM3  GPU-0a1b2c3d")
                .contains("memory 1.0 GiB used of 80.0 GiB, power 312.5 W, limit 700.0 W")
                .contains("energy source: counter (NVML total energy counter")
                .contains("gpu 1  Tesla P100-PCIE-16GB  GPU-9f8e7d6c")
                .contains("energy source: integrated (this GPU has no energy counter (NVML_ERROR_NOT_SUPPORTED");
    }

    @Test
    void jsonHasTheDocumentedKeys() throws Exception {
        Result r = run(args(StubNvml.create(dir, H100, P100), "--json"));
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode devices = new ObjectMapper().readTree(r.out()).get("devices");
        JsonNode gpus = new ObjectMapper().createArrayNode();
        for (JsonNode d : devices) if (d.get("kind").asText().equals("gpu")) ((com.fasterxml.jackson.databind.node.ArrayNode) gpus).add(d);
        assertThat(gpus).hasSize(2);
        JsonNode h = gpus.get(0);
        assertThat(h.get("index").asInt()).isZero();
        assertThat(h.get("name").asText()).isEqualTo("NVIDIA H100 80GB HBM3");
        assertThat(h.get("uuid").asText()).isEqualTo("GPU-0a1b2c3d");
        assertThat(h.get("memory_total_bytes").asLong()).isEqualTo(85899345920L);
        assertThat(h.get("memory_used_bytes").asLong()).isEqualTo(1073741824L);
        assertThat(h.get("power_w").asDouble()).isEqualTo(312.5);
        assertThat(h.get("power_limit_w").asDouble()).isEqualTo(700.0);
        assertThat(h.get("energy_source").asText()).isEqualTo("counter");
        assertThat(h.get("reason").asText()).contains("Volta");
        assertThat(gpus.get(1).get("energy_source").asText()).isEqualTo("integrated");
    }

    @Test
    void aLostGpuIsListedAsLostWithoutFailingTheCommand() throws Exception {
        Result r = run(args(StubNvml.create(dir, H100, P100 + " lost_after_ms=0"), "--json"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode p100 = new ObjectMapper().readTree(r.out()).get("devices").get(1);
        assertThat(p100.get("power_w").isNull()).isTrue();
        assertThat(p100.get("reason").asText()).contains("NVML_ERROR_GPU_IS_LOST").contains("not measured");
        assertThat(p100.get("energy_source").asText()).isEqualTo("none");
    }

    @Test
    void aMissingNvmlLibraryIsOneLineAndExit2() throws Exception {
        Result r = run("devices", "--nvml-library", dir.resolve("libnvidia-ml.so.1").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("wattiq: --nvml-library " + dir.resolve("libnvidia-ml.so.1") + ": NVML library")
                .contains("not found").doesNotContain("Exception").doesNotContain("\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aLibraryWithoutDriverIsOneLineWithTheFix() throws Exception {
        Result r = run(args(StubNvml.create(dir, "init driver_not_loaded", H100)));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).contains("NVML_ERROR_DRIVER_NOT_LOADED").contains("modprobe nvidia").doesNotContain("\n");
    }

    @Test
    void unknownOptionsAreRefused() {
        Result r = run("devices", "--jsn");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--jsn'");
    }
}
