package dev.wattiq.meter.gpu;

import dev.wattiq.meter.DeviceInfo;

/**
 * What the device listing shows of one GPU, filled in by its vendor sensor: memory, power, power limit, and notes
 * appended to its reason. Unknown figures stay -1 / NaN.
 */
public final class GpuListing {
    long totalBytes = -1;
    long usedBytes = -1;
    double watts = Double.NaN;
    double limitWatts = Double.NaN;
    private final StringBuilder reason;

    GpuListing(String reason) {
        this.reason = new StringBuilder(reason);
    }

    public void memory(long totalBytes, long usedBytes) {
        this.totalBytes = totalBytes;
        this.usedBytes = usedBytes;
    }

    public void watts(double watts) {
        this.watts = watts;
    }

    public void limitWatts(double limitWatts) {
        this.limitWatts = limitWatts;
    }

    /** Appends {@code "; " + note} to the reason. */
    public void note(String note) {
        reason.append("; ").append(note);
    }

    DeviceInfo info(TrackedGpu g) {
        return new DeviceInfo("gpu", g.identity().index(), g.identity().name(), g.identity().uuid(), totalBytes, usedBytes, watts, limitWatts, g.identity().source().label(), reason.toString());
    }
}
