package dev.wattiq.meter.rapl;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds RAPL zones under {@code <sysfs>/class/powercap} and chooses the ones that do not overlap.
 *
 * <p>Zones appear there as symlinks ({@code intel-rapl:0 -> ../../devices/virtual/powercap/intel-rapl/intel-rapl:0})
 * and subzones also as directories nested in their zone; both are followed, each id counted once. AMD processors
 * use the same {@code intel-rapl} interface.
 *
 * <p>Nesting: {@code psys} (platform) contains the packages and DRAM; a package contains its {@code core} and
 * {@code uncore}. So: with {@code psys}, psys alone is the total; otherwise every package plus every {@code dram};
 * core and uncore are never added. {@code intel-rapl-mmio} zones repeat the package domain and are used only when
 * no MSR zone exists.
 */
public final class PowercapDiscovery {
    /**
     * A chosen, non-overlapping domain.
     *
     * @param zone      the zone read
     * @param component {@code cpu_package}, {@code dram} or {@code psys}
     * @param device    {@code package-N}, or {@code machine} for psys
     */
    public record Domain(PowercapZone zone, String component, String device) {
    }

    /** The chosen domains and, for every zone left out, why. */
    public record Choice(List<Domain> domains, List<String> leftOut) {
        public Choice {
            domains = List.copyOf(domains);
            leftOut = List.copyOf(leftOut);
        }
    }

    private PowercapDiscovery() {
    }

    /** The directory that holds the zones. */
    public static Path powercapDir(Path sysfsRoot) {
        return sysfsRoot.resolve("class/powercap");
    }

    /**
     * Every RAPL zone and subzone with its {@code name} and {@code max_energy_range_uj}, sorted by id.
     *
     * @throws IOException naming the file when a zone's {@code name} or {@code max_energy_range_uj} cannot be read
     */
    public static List<PowercapZone> discover(Path sysfsRoot) throws IOException {
        Map<String, Path> dirs = new LinkedHashMap<>();
        Path root = powercapDir(sysfsRoot);
        if (!Files.isDirectory(root)) throw new NoSuchFileException(root.toString(), null, "no powercap directory");
        collect(root, dirs);
        for (Path zone : List.copyOf(dirs.values())) collect(zone, dirs);
        List<PowercapZone> zones = new ArrayList<>();
        for (var e : dirs.entrySet()) {
            String name = Files.readString(e.getValue().resolve("name")).strip();
            Path max = e.getValue().resolve("max_energy_range_uj");
            long range;
            try {
                range = Long.parseLong(Files.readString(max).strip());
            } catch (NumberFormatException ex) {
                throw new IOException(max + " does not hold a number", ex);
            }
            zones.add(new PowercapZone(e.getKey(), e.getValue(), name, range));
        }
        zones.sort(Comparator.comparing(PowercapZone::isMmio).thenComparingInt(PowercapZone::topIndex)
                .thenComparing(z -> z.isTopLevel() ? 0 : 1).thenComparing(PowercapZone::id));
        return zones;
    }

    private static void collect(Path dir, Map<String, Path> into) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String id = p.getFileName().toString();
                if (PowercapZone.isZoneId(id) && Files.isDirectory(p) && !into.containsKey(id)) into.put(id, p);
            }
        }
    }

    /** Chooses non-overlapping domains (see the class comment). The choice may be empty. */
    public static Choice choose(List<PowercapZone> all) {
        List<String> leftOut = new ArrayList<>();
        boolean hasMsr = all.stream().anyMatch(z -> !z.isMmio());
        List<PowercapZone> zones = new ArrayList<>();
        for (PowercapZone z : all) {
            if (hasMsr && z.isMmio()) leftOut.add(z.id() + " (" + z.name() + "): MMIO copy of the package domain");
            else zones.add(z);
        }
        List<Domain> chosen = new ArrayList<>();
        PowercapZone psys = zones.stream().filter(z -> z.isTopLevel() && z.name().equals("psys")).findFirst().orElse(null);
        if (psys != null) {
            chosen.add(new Domain(psys, "psys", "machine"));
            for (PowercapZone z : zones) {
                if (z != psys) leftOut.add(z.id() + " (" + z.name() + "): inside psys, which is the total");
            }
            return new Choice(chosen, leftOut);
        }
        Set<String> names = new HashSet<>();
        Map<String, String> deviceOfTop = new LinkedHashMap<>();
        for (PowercapZone z : zones) {
            if (!z.isTopLevel()) continue;
            if (z.name().startsWith("package")) {
                String device = names.add(z.name()) ? z.name() : "package-" + z.topIndex();
                deviceOfTop.put(z.parentId(), device);
                chosen.add(new Domain(z, "cpu_package", device));
            } else if (z.name().equals("dram")) {
                chosen.add(new Domain(z, "dram", "dram-" + z.topIndex()));
            } else {
                leftOut.add(z.id() + " (" + z.name() + "): unknown top-level domain, not added");
            }
        }
        for (PowercapZone z : zones) {
            if (z.isTopLevel()) continue;
            String device = deviceOfTop.get(z.parentId());
            if (z.name().equals("dram")) {
                chosen.add(new Domain(z, "dram", device != null ? device : "package-" + z.topIndex()));
            } else {
                leftOut.add(z.id() + " (" + z.name() + "): inside " + (device != null ? device : z.parentId()) + ", never added to it");
            }
        }
        return new Choice(chosen, leftOut);
    }
}
