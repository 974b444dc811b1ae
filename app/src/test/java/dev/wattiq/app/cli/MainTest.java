package dev.wattiq.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wattiq.app.run.RunCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
        for (Main.Subcommand c : Main.SUBCOMMANDS) assertThat(r.out()).contains("  " + c.name() + " ");
    }

    @Test
    void eachSubcommandIsRegisteredUnderItsOwnName() {
        for (Main.Subcommand c : Main.SUBCOMMANDS) {
            CommandLine sub = new CommandLine(c.model().get());
            assertThat(sub.getCommandName()).as("the model registered as '%s'", c.name()).isEqualTo(c.name());
        }
    }

    @Test
    void everyCommandHoldingASharedGroupTakesItsOptions() {
        List<String> holders = new ArrayList<>();
        checkGroups(Main.commandLine(), holders);
        assertThat(holders).contains("run", "devices", "show", "serve", "demo", "lab seed", "lab serve", "plan train", "plan infer", "tune llm");
    }

    private static void checkGroups(CommandLine c, List<String> holders) {
        for (CommandLine sub : c.getSubcommands().values()) {
            var spec = sub.getCommandSpec();
            String name = spec.qualifiedName().replaceFirst("^wattiq ", "");
            Object o = spec.userObject();
            boolean sensors = o instanceof SensorOptions.Holder || o instanceof RunCommand;
            boolean site = o instanceof SiteOptions.Holder || o instanceof RunCommand;
            if (sensors || site) holders.add(name);
            if (sensors) assertThat(spec.optionsMap()).as(name).containsKeys("--sysfs-root", "--procfs-root", "--cpu-watts");
            if (site) assertThat(spec.optionsMap()).as(name).containsKeys("--site", "--region", "--pue", "--strict-carbon");
            checkGroups(sub, holders);
        }
    }

    @Test
    void runHelpListsItsOwnAndTheSharedOptionsInOrder() {
        Cli.Result r = Cli.run(tmp, "run", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsSubsequence("Run a command and measure the energy it uses.", "[CMD...]", "--interval=DURATION",
                "default 100ms", "--scope=SCOPE", "--json-out=FILE", "--label=KEY=VALUE", "--job=ID", "--store=URL",
                "--no-store", "--sysfs-root=DIR", "default: /sys", "--procfs-root=DIR", "--nvml-library=PATH", "--cpu-watts=W",
                "--memory-watts-per-gb=W", "--site=FILE", "--region=CODE", "--grid-source=WORD", "--pue=X", "--price=P", "--currency=C",
                "--grid-intensity=G", "--green-share=F", "--carbon-series=FILE", "--strict-carbon", "-h, --help");
    }

    @Test
    void runOptionsReachTheCommand() {
        Path out = tmp.resolve("r.json");
        Cli.Result r = Cli.run(tmp, "run", "--no-store", "--interval", "5ms", "--scope", "machine", "--label", "a=1", "--label", "b=2",
                "--job", "j7", "--cpu-watts", "20", "--region", "FR", "--pue", "1.25", "--json-out", out.toString(), "--", "sh", "-c", "exit 3");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
        com.fasterxml.jackson.databind.JsonNode j = readJson(out);
        assertThat(j.get("scope").asText()).isEqualTo("machine");
        assertThat(j.get("interval_s").asDouble()).isEqualTo(0.005);
        assertThat(j.get("job").asText()).isEqualTo("j7");
        assertThat(j.at("/labels/a").asText()).isEqualTo("1");
        assertThat(j.at("/labels/b").asText()).isEqualTo("2");
        assertThat(j.get("command").toString()).isEqualTo("[\"sh\",\"-c\",\"exit 3\"]");
        assertThat(j.get("assumptions").toString()).contains("20 (override: --cpu-watts)").contains("\"source\":\"user: --pue\"")
                .contains("region FR");
    }

    private static com.fasterxml.jackson.databind.JsonNode readJson(Path p) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(p.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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
