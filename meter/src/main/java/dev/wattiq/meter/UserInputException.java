package dev.wattiq.meter;

/**
 * The one base type for a user's mistake: a bad flag value, file, name or request. The message is one line that names
 * the problem and the fix ("unknown region 'us-iowa': did you mean US-IA, US-OR, US-VA? (see docs/ledger.md)").
 * It lives in the lowest room so every module's input errors can extend it; the CLI maps exactly this type (and its
 * subclasses) to a one-line message and exit code 2, and the HTTP API to 400. Anything else is a bug.
 */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
