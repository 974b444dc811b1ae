package dev.wattiq.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wattiq.app.cli.CliJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a real JVM: a signal sent to wattiq (only to wattiq's pid, not its process group) reaches the child
 * as the same signal; the child traps it and exits with a telltale code, which wattiq then exits with.
 */
class SignalForwardingTest {
    @TempDir
    Path tmp;

    private static final String TRAPPER = "trap 'echo got-int; exit 42' INT; trap 'echo got-term; exit 43' TERM; "
            + "echo ready; while :; do sleep 0.05; done";

    private void forwards(String signal, int telltale, String echoed) throws Exception {
        Process wattiq = CliJvm.start(tmp.resolve("home"), "run", "--interval", "20ms", "--", "sh", "-c", TRAPPER);
        String err;
        java.util.List<ProcessHandle> tree = new java.util.ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(wattiq.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("ready"); // the child's stdout, straight through wattiq
            wattiq.toHandle().descendants().forEach(tree::add);
            assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(wattiq.pid())).start().waitFor()).isZero();
            assertThat(wattiq.waitFor(30, TimeUnit.SECONDS)).as("wattiq exited").isTrue();
            assertThat(out.readLine()).isEqualTo(echoed);
            err = new String(wattiq.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            tree.forEach(ProcessHandle::destroyForcibly); // were the signal lost, the trapping child would loop forever
            wattiq.destroyForcibly();
        }
        assertThat(wattiq.exitValue()).as(err).isEqualTo(telltale);
        assertThat(err).contains("forwarded SIG" + signal + " to the command").contains(" complete: sh -c");
    }

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void sigintArrivesAsSigint() throws Exception {
        forwards("INT", 42, "got-int");
    }

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void sigtermArrivesAsSigterm() throws Exception {
        forwards("TERM", 43, "got-term");
    }

    @Test
    void stdinPassesThroughUntouched() throws IOException, InterruptedException {
        Process wattiq = CliJvm.start(tmp.resolve("home"), "run", "--no-store", "--", "tr", "a-z", "A-Z");
        wattiq.getOutputStream().write("hello wattiq\n".getBytes(StandardCharsets.UTF_8));
        wattiq.getOutputStream().close();
        assertThat(wattiq.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(wattiq.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("HELLO WATTIQ\n");
        assertThat(wattiq.exitValue()).isZero();
    }
}
