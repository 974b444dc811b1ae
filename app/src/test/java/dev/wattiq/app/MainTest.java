package dev.wattiq.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top-level command line: lazy subcommand registration must not change what a user sees. */
class MainTest {
    @TempDir
    Path tmp;

    @Test
    void namedCommandIsTheOnlyOneRegistered() {
        assertThat(Main.commandLine("run", "--", "true").getSubcommands()).containsOnlyKeys("run");
        assertThat(Main.commandLine("--version").getSubcommands()).isEmpty();
        assertThat(Main.commandLine().getSubcommands()).containsKeys("run", "runs", "show", "devices", "demo", "lab",
                "plan", "tune", "schedule", "serve", "report", "help");
    }

    @Test
    void helpListsEveryCommand() {
        Cli.Result r = Cli.run(tmp, "--help");
        assertThat(r.exitCode()).isZero();
        for (Class<?> c : Main.SUBCOMMANDS) {
            assertThat(r.out()).contains(c.getAnnotation(picocli.CommandLine.Command.class).name());
        }
    }

    @Test
    void mistypedCommandGetsOneLineAndASuggestion() {
        Cli.Result r = Cli.run(tmp, "rn");
        assertThat(r.exitCode()).isEqualTo(Errors.USAGE);
        assertThat(r.err()).startsWith("wattiq: Unmatched argument at index 0: 'rn'").contains("Did you mean: run, runs?")
                .doesNotContain("Exception");
    }

    @Test
    void runKeepsOptionsStoppingAtTheCommandName() {
        // run's model transformer must survive registration: "-c" belongs to sh, not to wattiq
        Cli.Result r = Cli.run(tmp, "run", "--no-store", "sh", "-c", "exit 5");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(5);
    }
}
