package dev.wattiq.lab;

import dev.wattiq.meter.UserInputException;

/**
 * A lab request that cannot be run as asked: a size out of range, an unknown experiment or precision, a dataset that
 * does not fit. The message names the problem and the fix; the CLI prints it as one line and exits 2.
 */
public final class LabInputException extends UserInputException {
    public LabInputException(String message) {
        super(message);
    }

    public LabInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
