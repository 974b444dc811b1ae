package dev.wattiq.app.store;

/** The run store could not be opened, read or written. The message names the problem and the fix. */
public class StoreException extends Exception {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
