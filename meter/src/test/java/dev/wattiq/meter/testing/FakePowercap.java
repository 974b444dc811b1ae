package dev.wattiq.meter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fake {@code /sys/class/powercap} built in a temporary directory, laid out as the kernel does: zones live under
 * {@code devices/virtual/powercap/intel-rapl/}, subzones nested in their zone, and {@code class/powercap} holds
 * symlinks to all of them (or, with {@code symlinks=false}, plain directories).
 */
public final class FakePowercap {
    public static final long MAX_RANGE_UJ = 262_143_328_850L;
    private final Path sysfs;
    private final boolean symlinks;

    public FakePowercap(Path sysfsRoot, boolean symlinks) {
        this.sysfs = sysfsRoot;
        this.symlinks = symlinks;
        try {
            Files.createDirectories(sysfs.resolve("class/powercap"));
            if (symlinks) Files.createDirectories(real("intel-rapl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path sysfsRoot() {
        return sysfs;
    }

    private Path real(String rel) {
        return sysfs.resolve("devices/virtual/powercap/" + rel);
    }

    /** Adds zone {@code id} (e.g. {@code intel-rapl:0} or {@code intel-rapl:0:1}) named {@code name}. */
    public FakePowercap zone(String id, String name, long maxRangeMicroJoules, long energyMicroJoules) {
        try {
            Path dir = dir(id);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("name"), name + "\n");
            Files.writeString(dir.resolve("max_energy_range_uj"), maxRangeMicroJoules + "\n");
            Files.writeString(dir.resolve("energy_uj"), energyMicroJoules + "\n");
            Files.writeString(dir.resolve("enabled"), "1\n");
            Path link = sysfs.resolve("class/powercap/" + id);
            if (symlinks && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(link, dir);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FakePowercap zone(String id, String name, long energyMicroJoules) {
        return zone(id, name, MAX_RANGE_UJ, energyMicroJoules);
    }

    /** The zone's directory (the real one, not the symlink). */
    public Path dir(String id) {
        String[] parts = id.split(":");
        if (!symlinks) return sysfs.resolve("class/powercap/" + id);
        String top = parts[0] + ":" + parts[1];
        String base = parts[0].endsWith("-mmio") ? "intel-rapl-mmio/" : "intel-rapl/";
        return parts.length == 2 ? real(base + id) : real(base + top + "/" + id);
    }

    /** Sets the raw counter value, as the hardware would. */
    public void set(String id, long energyMicroJoules) {
        try {
            Files.writeString(dir(id).resolve("energy_uj"), energyMicroJoules + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(String id, String file, String content) {
        try {
            Files.writeString(dir(id).resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
