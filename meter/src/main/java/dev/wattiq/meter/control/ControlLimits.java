package dev.wattiq.meter.control;

/**
 * Bounds that keep one misbehaving client from hurting the run: memory, threads and the size of what is stored.
 *
 * @param maxLineBytes     longest request line, in bytes (a longer one is answered with an error and skipped)
 * @param maxNameChars     longest window name, in characters
 * @param maxOpenPerClient windows one connection may hold open at once
 * @param maxWindows       windows recorded per run (open and closed), all clients together
 * @param maxClients       connections at once
 * @param maxBadInARow     consecutive bad requests after which a connection is closed
 */
public record ControlLimits(int maxLineBytes, int maxNameChars, int maxOpenPerClient, int maxWindows, int maxClients, int maxBadInARow) {
    public static final ControlLimits DEFAULT = new ControlLimits(16 * 1024, 256, 1024, 10_000, 64, 32);

    public ControlLimits {
        if (maxLineBytes < 256 || maxNameChars < 1 || maxOpenPerClient < 1 || maxWindows < 1 || maxClients < 1 || maxBadInARow < 1) {
            throw new IllegalArgumentException("control limits must be positive (and lines at least 256 bytes)");
        }
    }
}
