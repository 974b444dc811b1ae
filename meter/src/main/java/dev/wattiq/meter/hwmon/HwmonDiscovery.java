package dev.wattiq.meter.hwmon;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the power and energy channels under {@code <sysfs>/class/hwmon/hwmon*} and says what each measures. Channel
 * files sit in the hwmon directory or, for older ACPI power meters and Grace, in its {@code device/} directory; both
 * are read. The {@code power_meter} driver (ACPI power meter; also NVIDIA Grace's channels) is node-level unless its
 * label names a socket: "Module Power Socket N" is a whole Grace/Grace Hopper module (a component), and "Grace/CPU/SysIO
 * Power Socket N" are parts of that module (never added). Every other device's channels (amdgpu, amd_energy,
 * drives...) overlap the CPU and GPU sensors and are only listed.
 */
public final class HwmonDiscovery {
    private static final Pattern CHANNEL = Pattern.compile("(power|energy)(\\d+)_(average|input)");
    private static final Pattern MODULE = Pattern.compile("(?i)\\bmodule\\s+power\\s+socket\\s*\\d+");
    private static final Pattern PART = Pattern.compile("(?i)\\b(grace|cpu|sysio)\\s+power\\s+socket\\s*\\d+");

    private HwmonDiscovery() {
    }

    /** {@code <sysfs>/class/hwmon}. */
    public static Path hwmonDir(Path sysfsRoot) {
        return sysfsRoot.resolve("class").resolve("hwmon");
    }

    /** Every power or energy channel, in hwmon number then channel order; an unreadable device is skipped. */
    public static List<HwmonChannel> discover(Path sysfsRoot) throws IOException {
        Path dir = hwmonDir(sysfsRoot);
        if (!Files.isDirectory(dir)) return List.of();
        TreeMap<Integer, Path> devices = new TreeMap<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "hwmon*")) {
            for (Path p : s) {
                String n = p.getFileName().toString().substring("hwmon".length());
                if (n.matches("\\d+")) devices.put(Integer.parseInt(n), p);
            }
        }
        List<HwmonChannel> out = new ArrayList<>();
        for (Path d : devices.values()) out.addAll(channels(d));
        return out;
    }

    /** The channels of one hwmon device directory. */
    static List<HwmonChannel> channels(Path dev) {
        String hwmon = dev.getFileName().toString();
        String name = firstLine(dev.resolve("name")).or(() -> firstLine(dev.resolve("device").resolve("name"))).orElse("");
        TreeMap<Integer, Path[]> byIndex = new TreeMap<>(); // index -> [energy input, power average, power input]
        for (Path d : List.of(dev, dev.resolve("device"))) {
            if (!Files.isDirectory(d)) continue;
            try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
                for (Path f : s) {
                    Matcher m = CHANNEL.matcher(f.getFileName().toString());
                    if (!m.matches()) continue;
                    int slot = m.group(1).equals("energy") ? (m.group(3).equals("input") ? 0 : -1) : (m.group(3).equals("average") ? 1 : 2);
                    if (slot < 0) continue;
                    Path[] files = byIndex.computeIfAbsent(Integer.parseInt(m.group(2)), k -> new Path[3]);
                    if (files[slot] == null) files[slot] = f;
                }
            } catch (IOException e) {
                // an unreadable directory has no channels we can use
            }
        }
        List<HwmonChannel> out = new ArrayList<>();
        for (var e : byIndex.entrySet()) {
            int i = e.getKey();
            Path[] f = e.getValue();
            HwmonChannel.Reading reading = f[0] != null ? HwmonChannel.Reading.ENERGY
                    : f[1] != null ? HwmonChannel.Reading.POWER_AVERAGE : HwmonChannel.Reading.POWER_INPUT;
            Path file = f[0] != null ? f[0] : f[1] != null ? f[1] : f[2];
            Path where = file.getParent();
            String label = firstLine(where.resolve("power" + i + "_oem_info"))
                    .or(() -> firstLine(where.resolve("power" + i + "_label")))
                    .or(() -> firstLine(where.resolve("energy" + i + "_label"))).orElse("");
            Optional<Duration> averaging = firstLine(where.resolve("power" + i + "_average_interval"))
                    .flatMap(HwmonDiscovery::millis);
            out.add(new HwmonChannel(hwmon, name, i, label, reading, file, averaging, role(name, label)));
        }
        out.sort(Comparator.comparingInt(HwmonChannel::index));
        return out;
    }

    /** What a channel of device {@code name} with {@code label} measures. */
    static HwmonChannel.Role role(String name, String label) {
        if (!name.equals("power_meter")) return HwmonChannel.Role.OTHER;
        if (MODULE.matcher(label).find()) return HwmonChannel.Role.MODULE;
        if (PART.matcher(label).find()) return HwmonChannel.Role.NESTED;
        return HwmonChannel.Role.WALL;
    }

    private static Optional<Duration> millis(String s) {
        try {
            long ms = Long.parseLong(s.strip());
            return ms > 0 ? Optional.of(Duration.ofMillis(ms)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> firstLine(Path p) {
        try {
            String s = Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
            int nl = s.indexOf('\n');
            return Optional.of(nl < 0 ? s : s.substring(0, nl).strip());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
