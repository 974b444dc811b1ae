package dev.wattiq.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./wattiq's first build shows progress: scripts/build-progress.sh turns Maven's output (recorded from real builds in
 * the test resources) into one line per module, keeps the whole output in the log, and names a failed build's errors.
 */
class BuildProgressTest {
    private static final Path SCRIPT = Path.of("..", "scripts", "build-progress.sh").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void aBuildPrintsOneLinePerModuleAndKeepsTheFullLog() throws Exception {
        String recorded = resource("maven-package.log");
        Run r = filter(recorded);
        assertThat(r.code()).isZero();
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr().lines().map(l -> l.replaceAll("\\(\\d+ s\\)", "(N s)")).toList()).containsExactly(
                "wattiq:   [1/6] parent (N s)",
                "wattiq:   [2/6] meter (N s)",
                "wattiq:   [3/6] ledger (N s)",
                "wattiq:   [4/6] planner (N s)",
                "wattiq:   [5/6] lab (N s)",
                "wattiq:   [6/6] app (N s)");
        assertThat(Files.readString(r.log()).strip()).isEqualTo(recorded.strip());
    }

    @Test
    void aFailedBuildNamesItsFirstErrorsOnce() throws Exception {
        Run r = filter(resource("maven-compile-error.log"));
        assertThat(r.stderr()).isEqualTo("""
                wattiq:   error: COMPILATION ERROR :
                wattiq:   error: /src/wattiq/app/src/main/java/Broken.java:[1,24] illegal start of expression
                wattiq:   error: Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.14.0:compile (default-compile) \
                on project broken: Compilation failure
                """);
    }

    @Test
    void theLauncherUsesTheFilterAndSaysWhatItIsDoing() throws Exception {
        String launcher = Files.readString(SCRIPT.getParent().getParent().resolve("wattiq"));
        assertThat(launcher).contains("| \"$here/scripts/build-progress.sh\" \"$log\"")
                .contains("wattiq: building WattIQ (first use or sources changed): 6 Maven modules, about a minute on 2 cores; full log: $log")
                .doesNotContain("mvn -q");
    }

    private record Run(int code, String stdout, String stderr, Path log) {
    }

    private Run filter(String input) throws Exception {
        Path log = dir.resolve("build.log");
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = new ProcessBuilder("bash", SCRIPT.toString(), log.toString()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (var in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err), log);
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = BuildProgressTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
