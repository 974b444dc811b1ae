package dev.wattiq.app.serve;

/** A request that cannot be answered; becomes {@code {"error": message, "status": status}} with that status code. */
public final class HttpError extends RuntimeException {
    private final int status;

    public HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
