package dev.wattiq.lab.serve;

/** A serving experiment could not run; the message names the problem and the fix. */
public final class ServeException extends Exception {
    public ServeException(String message) {
        super(message);
    }

    public ServeException(String message, Throwable cause) {
        super(message, cause);
    }
}
