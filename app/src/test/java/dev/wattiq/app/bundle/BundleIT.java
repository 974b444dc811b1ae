package dev.wattiq.app.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wattiq.app.cli.External;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's install path for users, end to end: {@code scripts/package-runtime.sh --lean} packages the jars that
 * {@code mvn package} just built, the .tar.gz is unpacked elsewhere, and its {@code bin/wattiq} runs {@code run},
 * {@code plan} and {@code demo --quick} with {@code JAVA_HOME} unset and only {@code /usr/bin:/bin} on the
 * {@code PATH} (a JDK 17 at most, here) — in front of which stand a {@code mvn} and a {@code javac} that fail the test if
 * anything calls them, and a {@code java} too wherever the system's is a 25 or newer.
 * Runs in {@code mvn verify} after {@code package} (maven-failsafe-plugin).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BundleIT {
    private static final String TRAP = "#!/bin/sh\necho \"the bundle called $0 $*\" >&2\nexit 97\n";

    @TempDir
    static Path dir;

    private static Path wattiq;
    private static Map<String, String> env;
    private static String pathJava;

    @BeforeAll
    static void packageAndUnpack() throws Exception {
        Path root = Path.of(System.getProperty("wattiq.root", "..")).toAbsolutePath().normalize();
        Path jdk = Path.of(System.getProperty("java.home"));
        External.requireThat(Files.isExecutable(jdk.resolve("bin/jlink")), "the JDK running the tests (" + jdk + ") has no jlink");
        Path out = root.resolve("app/target/bundle-it");
        Result pack = exec(root, Map.of("JAVA_HOME", jdk.toString()), 900, "bash", root.resolve("scripts/package-runtime.sh").toString(),
                "--no-build", "--lean", "--out", out.toString());
        assertThat(pack.code()).as(pack.all()).isZero();
        String name = "wattiq-" + System.getProperty("os.name").toLowerCase().replace(" ", "") + "-" + machine();
        Path tgz = out.resolve(name + ".tar.gz");
        assertThat(tgz).as(pack.all()).exists();

        Path unpacked = dir.resolve("opt");
        Files.createDirectories(unpacked);
        assertThat(exec(dir, Map.of(), 120, "tar", "-C", unpacked.toString(), "-xzf", tgz.toString()).code()).isZero();
        wattiq = unpacked.resolve(name).resolve("bin/wattiq");

        Path traps = Files.createDirectories(dir.resolve("traps"));
        pathJava = exec(dir, Map.of("PATH", "/usr/bin:/bin"), 60, "sh", "-c", "command -v java >/dev/null && java -version 2>&1 | head -n1 || echo none").out().trim();
        List<String> trapped = new ArrayList<>(List.of("mvn", "javac", "jlink"));
        if (!pathJava.equals("none") && !pathJava.matches(".*version \"(1\\.)?([0-9]|1[0-9]|2[0-4])[\".].*")) trapped.add("java");
        for (String t : trapped) {
            Path f = traps.resolve(t);
            Files.writeString(f, TRAP);
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path home = Files.createDirectories(dir.resolve("home"));
        env = Map.of("PATH", traps + ":/usr/bin:/bin", "HOME", home.toString(), "WATTIQ_HOME", home.resolve(".wattiq").toString());
    }

    @Test
    @Order(1)
    void theBundleHoldsTheRuntimeTheExamplesAndAReadme() {
        Path b = wattiq.getParent().getParent();
        assertThat(b.resolve("runtime/bin/java")).isExecutable();
        assertThat(b.resolve("examples/tune-points.csv")).exists();
        assertThat(b.resolve("README.txt")).content().contains("bin/wattiq run -- python3 train.py");
        assertThat(pathJava).as("java on /usr/bin:/bin").doesNotContain("version \"25");
    }

    @Test
    @Order(2)
    void runMeasuresACommand() throws Exception {
        Result r = bundle(120, "run", "--no-store", "--", "true");
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.err()).contains("wattiq: run ").contains(" complete: true").doesNotContain("WARNING").doesNotContain("the bundle called");
    }

    @Test
    @Order(3)
    void planModelsATrainingRun() throws Exception {
        Result r = bundle(120, "plan", "train", "--params", "7B", "--tokens", "1T", "--hardware", "H100-SXM");
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains("training plan:").contains("H100-SXM").contains("device-hours");
        assertThat(r.err()).doesNotContain("WARNING");
    }

    @Test
    @Order(4)
    void labHelpPrintsNoWarning() throws Exception {
        Result r = bundle(120, "lab", "--help");
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.all()).contains("Usage: wattiq lab").doesNotContain("WARN");
    }

    @Test
    @Order(5)
    void theQuickDemoRecommendsAConfiguration() throws Exception {
        Result r = bundle(600, "demo", "--quick", "--no-store");
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains("experiment").contains("Recommended:");
        assertThat(r.all()).doesNotContain("the bundle called");
    }

    private static Result bundle(int timeoutSeconds, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(wattiq.toString());
        cmd.addAll(List.of(args));
        return exec(dir, env, timeoutSeconds, cmd.toArray(String[]::new));
    }

    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    /** Runs a command with a clean environment: only {@code env}, so JAVA_HOME and the build's PATH are not inherited. */
    private static Result exec(Path cwd, Map<String, String> envVars, int timeoutSeconds, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        Map<String, String> e = pb.environment();
        String path = e.getOrDefault("PATH", "/usr/bin:/bin");
        e.clear();
        e.put("PATH", path);
        e.put("LANG", "C.UTF-8");
        e.putAll(envVars);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish in " + timeoutSeconds + " s: " + Files.readString(err));
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static String machine() throws IOException, InterruptedException {
        return exec(dir, Map.of(), 30, "uname", "-m").out().trim();
    }
}
