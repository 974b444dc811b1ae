package dev.wattiq.meter.control;

import dev.wattiq.meter.UserInputException;

/**
 * A control-channel request that cannot be carried out: malformed JSON, an unknown operation, a window closed twice,
 * a name too long, a negative count. The message is one line naming the problem and the fix; it goes back to the
 * client that sent the request, and the run goes on.
 */
public final class ControlException extends UserInputException {
    public ControlException(String message) {
        super(message);
    }
}
