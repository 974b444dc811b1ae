package dev.wattiq.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs the CLI in this JVM with captured stdout/stderr and WATTIQ_HOME pointed at a test directory. */
public final class Cli {
    public record Result(int exitCode, String out, String err) {
    }

    /** A {@code wattiq run} that exited 0: what it printed, and the JSON it wrote to its --json-out file. */
    public record Measured(Result result, JsonNode json) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private Cli() {
    }

    /** Runs the CLI with every subcommand registered (as {@code wattiq --help} sees them), WATTIQ_HOME as it is. */
    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    public static Result run(Path home, String... args) {
        String before = System.getProperty("wattiq.home");
        System.setProperty("wattiq.home", home.toString());
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = Main.commandLine(args); // as main() does: only the named subcommand is registered
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute(args);
            return new Result(code, out.toString(), err.toString());
        } finally {
            if (before == null) System.clearProperty("wattiq.home"); else System.setProperty("wattiq.home", before);
        }
    }

    /** Runs the CLI under {@code home}, checks that it exits 0, and reads its stdout as JSON (e.g. {@code show ID --json}). */
    public static JsonNode json(Path home, String... args) {
        Result r = run(home, args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        try {
            return JSON.readTree(r.out());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code wattiq run --json-out OUT ARGS} under {@code home} (ARGS: run options, then {@code --} and the command):
     * checks that it exits 0, and returns what it printed with the run's JSON as read back from {@code out}.
     */
    public static Measured measure(Path home, Path out, String... args) {
        return measure(home, out, List.of(args), List.of());
    }

    /** As {@link #measure(Path, Path, String...)} with ARGS = {@code options -- command} (no {@code --} for no command). */
    public static Measured measure(Path home, Path out, List<String> options, List<String> command) {
        List<String> all = new ArrayList<>(List.of("run", "--json-out", out.toString()));
        all.addAll(options);
        if (!command.isEmpty()) {
            all.add("--");
            all.addAll(command);
        }
        Result r = run(home, all.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        try {
            return new Measured(r, JSON.readTree(out.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
