package dev.wattiq.meter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fake {@code /sys/class/hwmon} in a temporary directory, laid out as the kernel does: devices live under
 * {@code devices/...}, {@code class/hwmon/hwmonN} are symlinks to them, and an ACPI power meter keeps its channel
 * files in the device's {@code device/} directory (as Grace's does), with {@code name} beside them.
 */
public final class FakeHwmon {
    private final Path sysfs;

    public FakeHwmon(Path sysfsRoot) {
        this.sysfs = sysfsRoot;
        try {
            Files.createDirectories(sysfs.resolve("class/hwmon"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path sysfsRoot() {
        return sysfs;
    }

    /** Adds {@code hwmonN} named {@code name}, its channel files in {@code device/} when {@code inDevice}. */
    public FakeHwmon device(int n, String name, boolean inDevice) {
        try {
            Path real = sysfs.resolve("devices/platform/dev" + n + "/hwmon/hwmon" + n);
            Files.createDirectories(real.resolve("device"));
            Files.writeString(real.resolve("name"), name + "\n");
            Path link = sysfs.resolve("class/hwmon/hwmon" + n);
            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(link, real);
            Files.writeString(real.resolve(".channels-in-device"), inDevice ? "1" : "0");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory channel files of {@code hwmonN} live in. */
    public Path channelDir(int n) {
        try {
            Path real = sysfs.resolve("class/hwmon/hwmon" + n).toRealPath();
            return Files.readString(real.resolve(".channels-in-device")).equals("1") ? real.resolve("device") : real;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes channel file {@code file} (e.g. {@code power1_average}) of {@code hwmonN} in place, as sysfs changes: a
     * sensor keeps its files open and re-reads them, so a renamed-over file would go unseen.
     */
    public FakeHwmon write(int n, String file, String content) {
        try {
            Files.writeString(channelDir(n).resolve(file), content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sets a power channel to {@code watts} (written in µW, as the kernel does), in one positional write of a fixed
     * width (zero-padded), so that a sensor reading at the same moment sees the old number or the new, never an empty
     * or half-written file (real sysfs makes each read's text whole).
     */
    public FakeHwmon power(int n, String file, double watts) {
        byte[] b = String.format(java.util.Locale.ROOT, "%015d\n", Math.round(watts * 1e6)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(channelDir(n).resolve(file),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
            c.write(java.nio.ByteBuffer.wrap(b), 0);
            if (c.size() > b.length) c.truncate(b.length);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
