package dev.wattiq.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wattiq.app.cli.Cli;
import dev.wattiq.meter.testing.FakeBmc;
import dev.wattiq.meter.testing.FakeHwmon;
import dev.wattiq.meter.testing.FakePowercap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wattiq run --scope machine} with a wall source, through the CLI in real time: a fake powercap tree whose
 * package draws 50 W (a thread of the test moves its counter) beside a 250 W ACPI power meter, or beside a fake BMC on
 * loopback; and every way a wall source can fail leaving the run on its other sensors.
 */
class WallRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "Zq8-wattiq-bmc-secret-7731";

    @TempDir
    Path tmp;

    /** A fake /sys: RAPL package 0 advancing at 50 W while the returned thread runs, and optionally a 250 W power meter. */
    Thread fakeSys(boolean powerMeter) {
        Path sys = tmp.resolve("sys");
        FakePowercap rapl = new FakePowercap(sys, true).zone("intel-rapl:0", "package-0", 0);
        rapl.write("intel-rapl:0", "energy_uj", String.format("%015d%n", 0));
        if (powerMeter) {
            new FakeHwmon(sys).device(0, "coretemp", false).device(1, "power_meter", true).power(1, "power1_average", 250)
                    .write(1, "power1_average_interval", "1000\n");
        }
        return Thread.ofPlatform().daemon().start(() -> {
            long start = System.nanoTime();
            Path f = rapl.dir("intel-rapl:0").resolve("energy_uj");
            try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(f.toFile(), "rw")) {
                while (!Thread.currentThread().isInterrupted()) {
                    long uj = (System.nanoTime() - start) / 1000 * 50; // 50 W = 50 µJ per µs
                    raf.seek(0);
                    raf.write(String.format("%015d%n", uj).getBytes(StandardCharsets.US_ASCII));
                    Thread.sleep(5);
                }
            } catch (InterruptedException e) {
                // done
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The command's time less what the run says went unmetered before its sensors opened. */
    static double meteredSeconds(JsonNode j) {
        double s = j.get("duration_s").asDouble();
        for (JsonNode n : j.get("notes")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("the meter started ([0-9.]+) ms after the command").matcher(n.asText());
            if (m.find()) s -= Double.parseDouble(m.group(1)) / 1000;
        }
        return s;
    }

    /** The options of a run in {@code scope} on the fake /sys, sampled every 50 ms. */
    List<String> onFakeSys(String scope) {
        return List.of("--scope", scope, "--interval", "50ms", "--sysfs-root", tmp.resolve("sys").toString());
    }

    /** {@code wattiq run} in machine scope on the fake /sys, with {@code extra} (options, then -- and the command). */
    Cli.Result run(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--json-out", out.toString()));
        args.addAll(onFakeSys("machine"));
        args.addAll(List.of(extra));
        return Cli.run(tmp.resolve("home"), args.toArray(String[]::new));
    }

    /** {@code wattiq run} in {@code scope} with {@code options} while the fake /sys moves (see {@link #fakeSys}); it must exit 0. */
    Cli.Measured measured(boolean powerMeter, Path out, String scope, List<String> options, String... command) {
        List<String> all = new ArrayList<>(onFakeSys(scope));
        all.addAll(options);
        Thread cpu = fakeSys(powerMeter);
        try {
            return Cli.measure(tmp.resolve("home"), out, all, List.of(command));
        } finally {
            cpu.interrupt();
        }
    }

    @Test
    void aPowerMeterGivesTheWallBesideTheComponentsAndOtherIsTheirDifference() throws Exception {
        Cli.Measured m = measured(true, tmp.resolve("run.json"), "machine", List.of(), "sleep", "1.5");
        Cli.Result r = m.result();
        JsonNode j = m.json();
        double seconds = meteredSeconds(j); // the wall and the components cover the same window: the command less its unmetered start
        JsonNode e = j.get("energy_j");
        assertThat(e.get("wall").asDouble()).as("250 W x %s s", seconds).isCloseTo(250 * seconds, within(250 * seconds * 0.05));
        assertThat(e.get("by_component").fieldNames()).toIterable().containsExactly("cpu_package");
        assertThat(e.get("total").asDouble() / seconds).as("the components as before: 50 W of RAPL").isBetween(50 * 0.85, 50 * 1.1);
        double components = 0;
        for (JsonNode d : j.get("devices")) if (!d.get("component").asText().equals("wall")) components += d.get("device_energy_j").asDouble();
        assertThat(e.get("other").asDouble()).isCloseTo(e.get("wall").asDouble() - components, within(1e-6));
        assertThat(e.get("total").asDouble()).as("the wall is never added into the total").isCloseTo(components, within(1e-6));
        JsonNode w = j.get("wall");
        assertThat(w.get("sources").toString()).isEqualTo("[\"hwmon1\"]");
        assertThat(w.get("method").asText()).isEqualTo("integrated");
        assertThat(w.get("missed_share").asDouble()).isCloseTo(e.get("other").asDouble() / e.get("wall").asDouble(), within(1e-9));
        assertThat(w.get("source").asText()).contains("power_meter", "power1_average");
        assertThat(r.err()).contains("  wall       ").contains("  split      components").contains("% of the wall is outside the components' counters");
        assertThat(j.get("facility_energy_j").asDouble()).as("the bill takes the wall's measured share, not the components alone")
                .isGreaterThanOrEqualTo(e.get("wall").asDouble() * 0.999);
        assertThat(j.get("notes").toString()).contains("billed IT energy");

        JsonNode stored = Cli.json(tmp.resolve("home"), "show", j.get("run_id").asText(), "--json");
        assertThat(stored.get("energy_j").get("wall").asDouble()).isCloseTo(e.get("wall").asDouble(), within(1e-6));
        assertThat(stored.get("energy_j").get("by_component").has("wall")).isFalse();
        assertThat(stored.get("energy_j").get("total").asDouble()).isCloseTo(e.get("total").asDouble(), within(1e-6));
    }

    @Test
    void processScopeShowsTheWallApartAndChargesOnlyTheComponents() throws Exception {
        Cli.Measured m = measured(true, tmp.resolve("run.json"), "process", List.of("--no-store"), "sleep", "1.5");
        Cli.Result r = m.result();
        JsonNode j = m.json();
        assertThat(j.get("energy_j").has("wall")).as("energy_j.wall is machine scope's").isFalse();
        assertThat(j.get("wall").get("energy_j").asDouble() / meteredSeconds(j)).as("the whole machine's 250 W").isCloseTo(250, within(12.5));
        assertThat(r.err()).contains("the wall is the node's");
    }

    @Test
    void aFakeBmcGivesTheWallAndThePasswordIsNowhere() throws Exception {
        for (FakeBmc.Schema schema : FakeBmc.Schema.values()) {
            Path pw = Files.writeString(tmp.resolve("bmc.pw"), PASSWORD + "\n");
            Path out = tmp.resolve("run-" + schema + ".json");
            Cli.Measured m;
            try (FakeBmc bmc = FakeBmc.http(schema, "admin", PASSWORD)) {
                bmc.power(240);
                bmc.answer(503, 1); // the first poll after opening is refused: held over, backed off
                m = measured(false, out, "machine", List.of("--redfish", bmc.url(), "--redfish-user", "admin", "--redfish-password-file", pw.toString()),
                        "sleep", "3");
            }
            Cli.Result r = m.result();
            JsonNode j = m.json();
            double seconds = meteredSeconds(j);
            assertThat(j.get("energy_j").get("wall").asDouble()).as(schema.name()).isCloseTo(240 * seconds, within(240 * seconds * 0.05));
            assertThat(j.get("wall").get("source").asText()).contains(schema == FakeBmc.Schema.POWER ? "Power PowerControl[0]" : "EnvironmentMetrics PowerWatts");
            assertThat(j.get("wall").get("sources").toString()).isEqualTo("[\"bmc-1\"]");
            assertThat(r.out() + r.err()).doesNotContain(PASSWORD);
            assertThat(Files.readString(out)).doesNotContain(PASSWORD);
        }
        try (Stream<Path> files = Files.walk(tmp.resolve("home"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as("store file %s", f).doesNotContain(PASSWORD);
            }
        }
    }

    @Test
    void everyBrokenWallSourceIsOneLineAndTheRunGoesOnWithItsOtherSensors() throws Exception {
        Thread cpu = fakeSys(false);
        try {
            Path pw = Files.writeString(tmp.resolve("bmc.pw"), PASSWORD + "\n");
            int closed;
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                closed = s.getLocalPort();
            }
            assertOneLine(run(tmp.resolve("a.json"), "--redfish", "http://127.0.0.1:" + closed, "--redfish-user", "admin",
                    "--redfish-password-file", pw.toString(), "--", "sleep", "0.3"), tmp.resolve("a.json"),
                    "redfish: cannot reach the BMC at http://127.0.0.1:" + closed + " (connection refused): check the --redfish address");
            try (FakeBmc bmc = FakeBmc.http(FakeBmc.Schema.POWER, "admin", "another")) {
                assertOneLine(run(tmp.resolve("b.json"), "--redfish", bmc.url(), "--redfish-user", "admin", "--redfish-password-file", pw.toString(),
                        "--", "sleep", "0.3"), tmp.resolve("b.json"), "redfish: the BMC at " + bmc.url() + " refused the credentials of user 'admin'");
            }
            FakeBmc.SelfSigned cert = FakeBmc.SelfSigned.create(tmp);
            try (FakeBmc bmc = FakeBmc.https(FakeBmc.Schema.POWER, "admin", PASSWORD, cert)) {
                assertOneLine(run(tmp.resolve("c.json"), "--redfish", bmc.url(), "--redfish-user", "admin", "--redfish-password-file", pw.toString(),
                        "--", "sleep", "0.3"), tmp.resolve("c.json"), "redfish: the BMC's certificate at " + bmc.url() + " is not trusted");
                bmc.power(300);
                Cli.Result ok = run(tmp.resolve("d.json"), "--redfish", bmc.url(), "--redfish-user", "admin", "--redfish-password-file", pw.toString(),
                        "--redfish-ca", cert.pem().toString(), "--", "sleep", "0.3");
                assertThat(ok.exitCode()).as(ok.err()).isZero();
                assertThat(JSON.readTree(tmp.resolve("d.json").toFile()).get("energy_j").has("wall")).isTrue();
                Cli.Result insecure = run(tmp.resolve("e.json"), "--redfish", bmc.url(), "--redfish-user", "admin", "--redfish-password-file",
                        pw.toString(), "--redfish-insecure", "--", "sleep", "0.3");
                assertThat(insecure.exitCode()).as(insecure.err()).isZero();
                assertThat(insecure.err()).contains("wattiq: warning: --redfish-insecure: the BMC's certificate and host name are not checked");
            }
            new FakeHwmon(tmp.resolve("sys")).device(1, "power_meter", true).write(1, "power1_average", "N/A\n");
            assertOneLine(run(tmp.resolve("f.json"), "--", "sleep", "0.3"), tmp.resolve("f.json"),
                    "hwmon: " + tmp.resolve("sys/class/hwmon/hwmon1/device/power1_average") + " holds 'N/A', not a number of microwatts");
        } finally {
            cpu.interrupt();
        }
    }

    private static void assertOneLine(Cli.Result r, Path out, String expected) throws IOException {
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(out.toFile());
        assertThat(j.get("energy_j").get("by_component").has("cpu_package")).as("the run went on with RAPL").isTrue();
        assertThat(j.get("energy_j").has("wall")).isFalse();
        String note = null;
        for (JsonNode n : j.get("notes")) if (n.asText().contains(expected)) note = n.asText();
        assertThat(note).as("a note containing '%s' in %s", expected, j.get("notes")).isNotNull();
        assertThat(note).startsWith("not used: ").doesNotContain("\n").doesNotContain(PASSWORD);
        assertThat(r.err()).contains(expected);
    }

    @Test
    void badRedfishFlagsStopBeforeTheCommandStarts() {
        Cli.Result r = Cli.run(tmp.resolve("home"), "run", "--redfish", "http://10.1.2.3", "--", "true");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("wattiq: --redfish: plain http to 10.1.2.3 is refused (the credentials and readings would cross the"
                + " network unencrypted): use https://10.1.2.3 (with --redfish-ca FILE for the BMC's own certificate); http is allowed only to loopback");
        Cli.Result lone = Cli.run(tmp.resolve("home"), "run", "--redfish-user", "admin", "--", "true");
        assertThat(lone.exitCode()).isEqualTo(2);
        assertThat(lone.err()).contains("need --redfish URL");
    }
}
