package dev.wattiq.meter.rapl;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One powercap zone or subzone as sysfs shows it.
 *
 * @param id                   directory name, e.g. {@code intel-rapl:0} or {@code intel-rapl:0:1}
 * @param dir                  the zone's directory (a symlink under {@code class/powercap} or the real one)
 * @param name                 content of {@code name}, e.g. {@code package-0}, {@code core}, {@code uncore}, {@code dram}, {@code psys}
 * @param maxEnergyRangeMicroJoules content of {@code max_energy_range_uj}
 */
public record PowercapZone(String id, Path dir, String name, long maxEnergyRangeMicroJoules) {
    private static final Pattern ID = Pattern.compile("(intel-rapl(?:-mmio)?):(\\d+)(?::(\\d+))?");

    /** Whether {@code dirName} names a RAPL zone or subzone ({@code intel-rapl:N}, {@code intel-rapl:N:M}, or {@code -mmio}). */
    public static boolean isZoneId(String dirName) {
        return ID.matcher(dirName).matches();
    }

    /** A top-level zone ({@code intel-rapl:N}), as opposed to a subzone ({@code intel-rapl:N:M}). */
    public boolean isTopLevel() {
        return m().group(3) == null;
    }

    /** The MMIO interface ({@code intel-rapl-mmio:N}), which repeats the package domain on some Intel laptops. */
    public boolean isMmio() {
        return m().group(1).endsWith("-mmio");
    }

    /** N in {@code intel-rapl:N[:M]}: the top-level zone this one belongs to. */
    public int topIndex() {
        return Integer.parseInt(m().group(2));
    }

    /** The id of the top-level zone that holds this one (itself when top-level). */
    public String parentId() {
        Matcher m = m();
        return m.group(1) + ":" + m.group(2);
    }

    public Path energyFile() {
        return dir.resolve("energy_uj");
    }

    private Matcher m() {
        Matcher m = ID.matcher(id);
        if (!m.matches()) throw new IllegalStateException("not a RAPL zone id: " + id);
        return m;
    }
}
