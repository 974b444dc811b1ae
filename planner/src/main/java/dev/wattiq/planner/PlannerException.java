package dev.wattiq.planner;

import dev.wattiq.meter.UserInputException;

/**
 * A planning request that cannot be answered as asked: an unknown name, a value out of range, a model that does not
 * fit the devices. The message names the problem and the fix; as a {@link UserInputException} the CLI prints it as
 * one line with exit code 2.
 */
public class PlannerException extends UserInputException {
    public PlannerException(String message) {
        super(message);
    }

    /** Thrown when a required positive value is zero, negative or not a number. */
    public static double requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new PlannerException(name + " must be a positive number, got " + value + ": give a value > 0");
        }
        return value;
    }

    /** Thrown when a value must lie in [0, 1] (a fraction) and does not. */
    public static double requireFraction(String name, double value, boolean allowZero) {
        if (Double.isNaN(value) || value > 1 || value < 0 || (!allowZero && value == 0)) {
            throw new PlannerException(name + " must be a fraction in " + (allowZero ? "[0, 1]" : "(0, 1]")
                    + ", got " + value + ": utilisation and shares cannot exceed 1 (100%)");
        }
        return value;
    }

    /**
     * A count derived from the user's numbers (devices, replicas, nodes) as an int, checked: a value that is not a
     * finite number from 0 to {@link Integer#MAX_VALUE} is an error naming {@code what} and the fix, never a silently
     * saturated or wrapped count ("-4 devices").
     */
    public static int count(String what, double value, String fix) {
        if (!(value >= 0) || value > Integer.MAX_VALUE) {
            throw new PlannerException(what + " would be " + (Double.isNaN(value) ? "undefined" : String.format(java.util.Locale.ROOT, "%.3g", value))
                    + ", beyond the " + Integer.MAX_VALUE + " a plan can count: " + fix);
        }
        return (int) value;
    }

    /** Thrown when a value must be zero or more. */
    public static double requireNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new PlannerException(name + " must be >= 0, got " + value + ": give 0 or a positive number");
        }
        return value;
    }
}
