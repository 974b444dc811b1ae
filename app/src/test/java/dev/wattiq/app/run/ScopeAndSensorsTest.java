package dev.wattiq.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wattiq.app.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real process tree (workers that fork, one exiting early) measured through the CLI with the machine's own procfs,
 * in process and machine scope; and a RAPL counter from a fake powercap tree that advances while the command runs.
 */
class ScopeAndSensorsTest {
    /** A long worker, a short one that exits early, and a grandchild per loop round (the $(...) subshells). */
    private static final String TREE = "long() { i=0; while [ $i -lt 60000 ]; do i=$((i+1)); done; }; "
            + "short() { i=0; while [ $i -lt 2000 ]; do i=$((i+1)); done; }; "
            + "long & short & for k in 1 2 3; do x=$(short; echo $k); done; wait";

    @TempDir
    Path tmp;

    private JsonNode run(String... args) {
        return Cli.measure(tmp.resolve("home"), tmp.resolve("run-" + System.nanoTime() + ".json"), args).json();
    }

    @Test
    void processScopeChargesTheTreeItsShareAndMachineScopeChargesEverything() throws Exception {
        JsonNode process = run("--scope", "process", "--interval", "20ms", "--", "sh", "-c", TREE);
        JsonNode machine = run("--scope", "machine", "--interval", "20ms", "--", "sh", "-c", TREE);
        assertThat(process.get("scope").asText()).isEqualTo("process");
        assertThat(machine.get("scope").asText()).isEqualTo("machine");
        double cpuCharged = 0;
        for (JsonNode d : process.get("devices")) {
            double charged = d.get("energy_j").asDouble();
            double device = d.get("device_energy_j").asDouble();
            assertThat(charged).as(d.toString()).isBetween(0.0, device + 1e-9); // a share, never more than the device
            if (d.get("component").asText().equals("cpu")) cpuCharged += charged;
        }
        assertThat(cpuCharged).as("the busy tree is charged CPU energy").isPositive();
        for (JsonNode d : machine.get("devices")) {
            assertThat(d.get("energy_j").asDouble()).as(d.toString()).isCloseTo(d.get("device_energy_j").asDouble(), Offset.offset(1e-9));
        }
        assertThat(machine.at("/energy_j/total").asDouble()).isPositive();
    }

    @Test
    void raplCounterFromAFakePowercapTreeIsMeasured() throws Exception {
        Path zone = Files.createDirectories(tmp.resolve("sys/class/powercap/intel-rapl:0"));
        Files.writeString(zone.resolve("name"), "package-0\n");
        Files.writeString(zone.resolve("max_energy_range_uj"), "262143328850\n");
        Path energy = zone.resolve("energy_uj");
        Files.writeString(energy, String.format("%015d\n", 1_000_000)); // fixed width: rewritten in place, as sysfs is
        AtomicBoolean running = new AtomicBoolean(true);
        Thread cpu = Thread.ofPlatform().daemon().start(() -> { // the package draws 50 W: +500 mJ every 10 ms
            long uj = 1_000_000;
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(energy, java.nio.file.StandardOpenOption.WRITE)) {
                while (running.get()) {
                    uj += 500_000;
                    ch.write(java.nio.ByteBuffer.wrap(String.format("%015d\n", uj).getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 0);
                    Thread.sleep(10);
                }
            } catch (Exception e) {
                // the test's assertions tell
            }
        });
        JsonNode j;
        try {
            j = run("--scope", "machine", "--sysfs-root", tmp.resolve("sys").toString(), "--interval", "10ms", "--", "sleep", "0.5");
        } finally {
            running.set(false);
            cpu.join();
        }
        long written = Long.parseLong(Files.readString(energy).strip()) - 1_000_000;
        assertThat(j.get("method").asText()).isEqualTo("measured");
        assertThat(j.at("/energy_j/by_component").has("cpu_package")).isTrue();
        double pkg = j.at("/energy_j/by_component/cpu_package").asDouble();
        assertThat(pkg).isPositive().isLessThanOrEqualTo(written / 1e6);
        JsonNode dev = j.get("devices").get(0);
        assertThat(dev.get("device").asText()).isEqualTo("package-0");
        assertThat(dev.get("method").asText()).isEqualTo("measured");
        assertThat(j.get("notes").toString()).doesNotContain("estimated: no hardware energy counter");
    }
}
