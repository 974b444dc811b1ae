package dev.wattiq.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Help texts print cleanly: picocli formats descriptions with String.format, so a bare '%' (e.g. "50%") makes it print
 * "[picocli WARN] Could not format ..." to the process's stderr, outside the command's own writers.
 */
class HelpTextTest {
    @TempDir
    Path tmp;

    @Test
    void labHelpPrintsNoWarningAndKeepsItsPercentSigns() {
        Captured c = capture(() -> Cli.run(tmp, "lab", "--help"));
        assertThat(c.result().exitCode()).isZero();
        assertThat(c.result().out()).contains("L1 pruning at 50% (as the article), whole-row pruning, and a 0-95%");
        assertThat(c.stderr() + c.result().err()).doesNotContain("WARN");
    }

    /** Every command and subcommand answers --help with its usage, and none makes picocli print a warning. */
    @Test
    void everyCommandAnswersHelpWithoutAPicocliWarning() {
        List<String> missing = new ArrayList<>();
        List<String> warned = new ArrayList<>();
        walk(Main.commandLine(), List.of(), missing, warned);
        assertThat(missing).as("commands without --help").isEmpty();
        assertThat(warned).as("commands whose --help printed a warning").isEmpty();
    }

    private void walk(CommandLine c, List<String> path, List<String> missing, List<String> warned) {
        for (var e : c.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) continue;
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            List<String> args = new ArrayList<>(p);
            args.add("--help");
            Captured got = capture(() -> Cli.run(tmp, args.toArray(String[]::new)));
            Cli.Result r = got.result();
            if (r.exitCode() != 0 || !r.out().startsWith("Usage: wattiq " + String.join(" ", p))) missing.add(String.join(" ", p) + " -> " + r.exitCode() + " " + r.err().strip());
            String all = got.stderr() + r.err() + r.out();
            if (all.contains("[picocli WARN]") || all.contains("Could not format")) warned.add(String.join(" ", p) + ": " + got.stderr().strip());
            walk(e.getValue(), p, missing, warned);
        }
    }

    private record Captured(Cli.Result result, String stderr) {
    }

    private static synchronized Captured capture(java.util.function.Supplier<Cli.Result> action) {
        PrintStream before = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            Cli.Result r = action.get();
            return new Captured(r, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(before);
        }
    }
}
