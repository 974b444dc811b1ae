package dev.wattiq.ledger;

import dev.wattiq.meter.UserInputException;

/**
 * Bad ledger input: a site file, a flag value, a data file, a carbon series. The message is one line that names the
 * problem and the fix, e.g. {@code unknown region 'us-iowa': did you mean US-IA, US-OR, US-VA? (see docs/ledger.md)}.
 * It is a {@link UserInputException}, so the CLI maps it to exit code 2 (and the HTTP API to 400) without knowing
 * the ledger.
 */
public final class LedgerException extends UserInputException {
    public LedgerException(String message) {
        super(message);
    }

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
