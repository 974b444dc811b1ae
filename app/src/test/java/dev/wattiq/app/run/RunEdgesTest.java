package dev.wattiq.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wattiq.app.cli.Cli;
import dev.wattiq.app.cli.CliJvm;
import dev.wattiq.app.cli.External;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smaller holes of issue 16, each through the real CLI: a grandchild that outlives the command, an unwritable
 * --json-out (found before the command, never replacing its exit code), a read-only WATTIQ_HOME, token-file modes.
 */
class RunEdgesTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aGrandchildThatOutlivesTheCommandIsNamed() throws Exception {
        Path out = tmp.resolve("run.json");
        Path marker = tmp.resolve("grandchild-ran");
        // sh starts a background sleep and exits at once: the sleep is re-parented to wattiq, which names it
        Process p = CliJvm.builder(tmp.resolve("home"), "run", "--json-out", out.toString(), "--", "sh", "-c",
                "(touch " + marker + "; exec sleep 20) & sleep 0.3; exit 0").redirectErrorStream(true)
                .redirectOutput(tmp.resolve("wattiq.log").toFile()).start(); // a file: the sleep holds a pipe open for 20 s
        List<ProcessHandle> left = new ArrayList<>();
        try {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String all = Files.readString(tmp.resolve("wattiq.log"));
            assertThat(p.exitValue()).as(all).isZero();
            assertThat(marker).exists();
            JsonNode notes = JSON.readTree(out.toFile()).get("notes");
            assertThat(notes.toString()).contains("1 process started by the command outlived it and still run (pid ", " sleep)",
                    "their energy after the command exited is not in this run");
            assertThat(all).contains("outlived it");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("pid (\\d+) sleep").matcher(notes.toString());
            assertThat(m.find()).isTrue();
            ProcessHandle.of(Long.parseLong(m.group(1))).ifPresent(left::add);
            assertThat(left).as("left running, not killed").allMatch(ProcessHandle::isAlive);
        } finally {
            p.destroyForcibly();
            left.forEach(ProcessHandle::destroyForcibly);
        }
        // a command that leaves nothing behind gets no such note
        Path quiet = tmp.resolve("quiet.json");
        Cli.Result r = Cli.run(tmp.resolve("home"), "run", "--json-out", quiet.toString(), "--", "sh", "-c", "sleep 0.1 & wait");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(JSON.readTree(quiet.toFile()).get("notes").toString()).doesNotContain("outlived");
    }

    @Test
    void aCounterSteppedBackwardsMidRunIsAGapNamingTheZoneNotEnergy() throws Exception {
        // the command itself plays the hardware: it rewrites the fake package counter in place, once a second
        Path sysfs = dev.wattiq.app.serve.ServeProcessAccess.fakeRapl(tmp, 1_000_000_000L);
        Path energy = sysfs.resolve("class/powercap/intel-rapl:0/energy_uj");
        StringBuilder script = new StringBuilder("sleep 1");
        for (long uj : new long[] {1_010_000_000L, 1_015_000_000L, 1_010_000_000L, 1_012_000_000L}) { // +10 J, +5 J, back, +2 J
            script.append("; printf '%015d\\n' ").append(uj).append(" | dd of=").append(energy).append(" conv=notrunc status=none; sleep 1");
        }
        Path out = tmp.resolve("run.json");
        Cli.Result r = Cli.run(tmp.resolve("home"), "run", "--scope", "machine", "--interval", "50ms", "--sysfs-root", sysfs.toString(),
                "--nvml-library", "/nonexistent/libnvidia-ml.so.1", "--json-out", out.toString(), "--", "sh", "-c", script.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(out.toFile());
        assertThat(j.get("energy_j").get("by_component").get("cpu_package").asDouble()).as("the real deltas, 10 + 5 + 2 J")
                .isCloseTo(17.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(j.get("method").asText()).isEqualTo("measured");
        assertThat(j.get("power_w").get("peak").asDouble()).as("no megawatt peak").isLessThan(1000); // 10 J in one 50 ms sample is 200 W
        assertThat(j.get("notes").toString()).contains("sensor rapl: gap at", "RAPL zone intel-rapl:0 (package-0 cpu_package): counter went back"
                + " from 1015000000 to 1010000000 uJ", "that interval is a gap, not energy");
    }

    @Test
    void anUnwritableJsonOutIsFoundBeforeTheCommandRuns() throws Exception {
        Path touched = tmp.resolve("touched");
        // root passes access(2) on /proc, but no file can be created there
        Cli.Result r = Cli.run(tmp.resolve("home"), "run", "--json-out", "/proc/wattiq-run.json", "--", "touch", touched.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("wattiq: cannot write --json-out /proc/wattiq-run.json (").endsWith("choose another path")
                .doesNotContain("\n");
        assertThat(touched).as("the command never ran").doesNotExist();
    }

    @Test
    void aJsonOutThatFailsAfterTheCommandNeverReplacesItsExitCode() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("out"));
        Path out = dir.resolve("run.json");
        Cli.Result r = Cli.run(tmp.resolve("home"), "run", "--json-out", out.toString(), "--", "sh", "-c", "rm -rf " + dir + "; exit 3");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
        assertThat(r.err()).contains("wattiq: cannot write --json-out " + out, "the run is in the store: wattiq show --json ");
    }

    @Test
    void aReadOnlyWattiqHomeStillListsAndShowsRuns() throws Exception {
        Path home = tmp.resolve("home");
        Cli.Result first = Cli.run(home, "run", "--json-out", tmp.resolve("r.json").toString(), "--", "true");
        assertThat(first.exitCode()).as(first.err()).isZero();
        String id = JSON.readTree(tmp.resolve("r.json").toFile()).get("run_id").asText();
        Path empty = Files.createDirectory(tmp.resolve("empty-home"));
        // tests run as root, whom file modes do not stop: a read-only bind mount in a private mount namespace does
        for (Path h : new Path[] {home, empty}) {
            for (String[] cmd : new String[][] {{"runs"}, {"runs", "--json"}, {"show", id}, {"plan", "infer", "--model", "llama-2-70b", "--hardware", "a100-80gb"}}) {
                if (h == empty && cmd[0].equals("show")) continue;
                Result r = readOnly(h, cmd);
                assertThat(r.code).as(String.join(" ", cmd) + " on a read-only " + h + ": " + r.err).isEqualTo(0);
                if (cmd[0].equals("runs") || cmd[0].equals("show")) {
                    assertThat(r.err).contains("wattiq: warning: WATTIQ_HOME " + h + " is read-only");
                }
                if (h == home && cmd[0].equals("runs")) assertThat(r.out).contains(id);
                if (h == empty && cmd.length == 1 && cmd[0].equals("runs")) assertThat(r.out).contains("no runs yet");
            }
        }
        assertThat(empty.resolve("wattiq.db")).doesNotExist();
    }

    record Result(int code, String out, String err) {
    }

    /** Runs the CLI in its own JVM with {@code home} bind-mounted read-only (unshare: a user and mount namespace). */
    private static Result readOnly(Path home, String... args) throws Exception {
        List<String> jvm = CliJvm.builder(home, args).command();
        String script = "mount --bind \"$0\" \"$0\" && mount -o remount,ro,bind \"$0\" && touch \"$0/probe\" 2>/dev/null && exit 99; exec \"$@\"";
        List<String> cmd = new ArrayList<>(List.of("unshare", "-rm", "sh", "-c", script, home.toString()));
        cmd.addAll(jvm);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("WATTIQ_HOME", home.toString());
        Process p;
        try {
            p = pb.start();
        } catch (java.io.IOException e) {
            External.requireThat(false, "unshare (util-linux) is needed to make a read-only WATTIQ_HOME: " + e.getMessage());
            throw e;
        }
        java.util.concurrent.CompletableFuture<byte[]> err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (java.io.IOException e) {
                return new byte[0];
            }
        });
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String e = new String(err.get());
        External.requireThat(p.exitValue() != 99 && !e.contains("unshare: ") && !e.contains("mount: "),
                "a read-only bind mount in a user namespace is not allowed here: " + e);
        return new Result(p.exitValue(), out, e);
    }

    @Test
    void aTokenFileOthersCanWriteIsRefusedAndOneTheyCanReadIsWarnedAbout() throws Exception {
        Path token = Files.writeString(tmp.resolve("token"), "token-for-a-mode-test-0123456789\n");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-rw-rw-"));
        Cli.Result r = Cli.run(tmp.resolve("home"), "serve", "--port", "0", "--token-file", token.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("wattiq: --token-file " + token + " is writable by other users (rw-rw-rw-): anyone could put"
                + " their own token in it; run chmod 600 " + token);
        // readable by others: served, with a warning (see ServeHardeningTest); 600: no warning
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
        java.io.StringWriter w = new java.io.StringWriter();
        dev.wattiq.app.serve.ServeCommandAccess.readToken(token, new java.io.PrintWriter(w));
        assertThat(w.toString()).isEmpty();
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));
        dev.wattiq.app.serve.ServeCommandAccess.readToken(token, new java.io.PrintWriter(w, true));
        assertThat(w.toString()).contains("is readable by other users (rw-r--r--): any local user can use the token; run chmod 600 " + token);
    }
}
