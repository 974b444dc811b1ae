package dev.wattiq.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the CLI in this JVM with captured stdout/stderr and WATTIQ_HOME pointed at a test directory. */
public final class Cli {
    public record Result(int exitCode, String out, String err) {
    }

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
}
