package dev.wattiq.app.runs;

import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.run.RepeatFigures;
import dev.wattiq.meter.UserInputException;

/**
 * A {@code compare} request: B against A. Computed by {@link RunsComparison#of}.
 *
 * @param a the reference
 * @param b the one compared with it
 */
public record CompareRequest(Side a, Side b) {
    /** The request the arguments {@code A B} make; one that is neither KEY=VALUE nor a name is a user error. */
    public static CompareRequest of(String a, String b) {
        return new CompareRequest(new Side("A", a), new Side("B", b));
    }

    /**
     * One side as given: a label {@code KEY=VALUE} (every run that carries it), or else a repeat group or a run id (or
     * a unique prefix of one).
     *
     * @param name the side's name in messages, {@code A} or {@code B}
     * @param arg  the argument
     */
    public record Side(String name, String arg) {
        public Side {
            int eq = arg.indexOf('=');
            if (eq == 0 || eq == arg.length() - 1) {
                throw new Errors.UserError(name + ": '" + UserInputException.shown(arg) + "' is not KEY=VALUE (e.g. model=tiny), a run id or a repeat group");
            }
        }

        /** Whether the argument is a label {@code KEY=VALUE}. */
        public boolean label() {
            return arg.indexOf('=') > 0;
        }

        /** The label looked for: KEY, or the repeat group's. */
        public String key() {
            return label() ? arg.substring(0, arg.indexOf('=')) : RepeatFigures.GROUP_LABEL;
        }

        /** The value looked for: VALUE, or the whole argument (a repeat group). */
        public String value() {
            return label() ? arg.substring(arg.indexOf('=') + 1) : arg;
        }
    }
}
