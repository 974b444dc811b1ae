package dev.wattiq.app.cli;

import dev.wattiq.meter.UserInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * Maps failures to one-line messages and exit codes. A {@link UserInputException} (bad input, with the fix in its
 * message; {@link UserError} is app's own) prints as {@code wattiq: <message>} and exits 2; a parameter error prints
 * picocli's message and a hint; anything else, a bare {@link IllegalArgumentException} included, is a bug: exit 70,
 * one "internal error" line naming the file that holds the stack trace (printed too when {@code WATTIQ_DEBUG} is set).
 */
public final class Errors {
    /** Exit code for a user's mistake (bad flag, bad file, bad value). */
    public static final int USAGE = 2;
    /** Exit code for an internal failure. */
    public static final int INTERNAL = 70;

    private Errors() {
    }

    public static CommandLine configure(CommandLine cl) {
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            String words = ex instanceof CommandLine.UnmatchedArgumentException u ? NumberWords.unmatched(List.of(args), u.getUnmatched()) : null;
            if (words != null) { // "--tokens 15 trillion": the answer, not the parser's "Unmatched argument at index 5"
                c.getErr().println("wattiq: " + words);
                return USAGE;
            }
            c.getErr().println("wattiq: " + ex.getMessage());
            if (ex instanceof CommandLine.UnmatchedArgumentException u) {
                if (!CommandLine.UnmatchedArgumentException.printSuggestions(u, c.getErr())) suggestCommand(u, c);
            }
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> report(ex, c.getErr()));
        return cl;
    }

    /**
     * Prints the one line for a failure of a command and returns its exit code: a {@link UserInputException} (the
     * user's mistake, its message naming the fix) exits 2 (or a {@link UserError}'s own code); anything else is a bug:
     * exit 70, "internal error", and the stack trace written to a file (and printed with {@code WATTIQ_DEBUG} set).
     */
    public static int report(Throwable ex, PrintWriter err) {
        Throwable t = ex;
        while (t instanceof java.util.concurrent.ExecutionException && t.getCause() != null) t = t.getCause();
        if (t instanceof UserError u) {
            err.println("wattiq: " + u.message(FlagNames::of));
            return u.exitCode();
        }
        if (t instanceof UserInputException u && u.getMessage() != null) {
            err.println("wattiq: " + u.message(FlagNames::of));
            return USAGE;
        }
        Path trace = writeTrace(t);
        err.println("wattiq: internal error: " + t + (trace != null ? " (trace written to " + trace + ")" : " (set WATTIQ_DEBUG=1 for the stack trace)"));
        if (System.getenv("WATTIQ_DEBUG") != null) t.printStackTrace(err);
        return INTERNAL;
    }

    /** Writes {@code t}'s stack trace to a new file in the temporary directory; null when that fails. */
    private static Path writeTrace(Throwable t) {
        try {
            Path f = Files.createTempFile("wattiq-internal-error-", ".txt");
            StringWriter w = new StringWriter();
            t.printStackTrace(new PrintWriter(w));
            Files.writeString(f, w.toString());
            return f;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** "Did you mean: run?" for a mistyped subcommand name (picocli suggests only options). */
    private static void suggestCommand(CommandLine.UnmatchedArgumentException u, CommandLine c) {
        java.util.List<String> unmatched = u.getUnmatched();
        if (unmatched.isEmpty() || unmatched.get(0).startsWith("-") || c.getSubcommands().isEmpty()) return;
        String wrong = unmatched.get(0);
        java.util.List<String> close = dev.wattiq.ledger.data.Suggest.closest(wrong, c.getSubcommands().keySet(), 3).stream()
                .filter(n -> dev.wattiq.ledger.data.Suggest.distance(wrong.toLowerCase(java.util.Locale.ROOT), n) <= Math.max(2, wrong.length() / 2))
                .toList();
        if (!close.isEmpty()) c.getErr().println("Did you mean: " + String.join(", ", close) + "?");
    }

    /** A mistake in the user's input; the message names the problem and the fix. */
    public static final class UserError extends UserInputException {
        private final int exitCode;

        public UserError(String message) {
            this(message, USAGE);
        }

        public UserError(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }
}
