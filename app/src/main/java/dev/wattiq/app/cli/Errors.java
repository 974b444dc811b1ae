package dev.wattiq.app.cli;

import picocli.CommandLine;

/**
 * Maps failures to one-line messages and exit codes. A {@link UserError} (bad input, with the fix in its message)
 * prints as {@code wattiq: <message>} and exits 2; a parameter error prints picocli's message and a hint;
 * anything else is a bug: one line plus the stack trace only when {@code WATTIQ_DEBUG} is set.
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
            c.getErr().println("wattiq: " + ex.getMessage());
            if (ex instanceof CommandLine.UnmatchedArgumentException u) {
                if (!CommandLine.UnmatchedArgumentException.printSuggestions(u, c.getErr())) suggestCommand(u, c);
            }
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            Throwable t = ex;
            while (t instanceof java.util.concurrent.ExecutionException && t.getCause() != null) t = t.getCause();
            if (t instanceof UserError u) {
                c.getErr().println("wattiq: " + u.getMessage());
                return u.exitCode();
            }
            // A planning request that cannot be answered as asked (unknown name, out-of-range value, won't fit):
            // the planner's message already names the problem and the fix.
            if (t instanceof dev.wattiq.planner.PlannerException && t.getMessage() != null) {
                c.getErr().println("wattiq: " + t.getMessage());
                return USAGE;
            }
            if (t instanceof dev.wattiq.meter.UserInputException && t.getMessage() != null) {
                c.getErr().println("wattiq: " + t.getMessage());
                return USAGE;
            }
            if (t instanceof IllegalArgumentException && t.getMessage() != null) {
                c.getErr().println("wattiq: " + t.getMessage());
                return USAGE;
            }
            c.getErr().println("wattiq: internal error: " + t + " (set WATTIQ_DEBUG=1 for the stack trace)");
            if (System.getenv("WATTIQ_DEBUG") != null) t.printStackTrace(c.getErr());
            return INTERNAL;
        });
        return cl;
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
    public static final class UserError extends RuntimeException {
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
