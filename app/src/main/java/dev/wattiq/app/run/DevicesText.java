package dev.wattiq.app.run;

import dev.wattiq.meter.DeviceInfo;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link DeviceList} as {@code wattiq devices} prints it: notes to standard error, then the devices as text or JSON.
 * {@code GET /api/devices} lists the server's devices with the same {@link #json(DeviceInfo)}: one shape for both.
 */
public final class DevicesText {
    private static final double GIB = 1024.0 * 1024 * 1024;

    private DevicesText() {
    }

    /** The warnings and the sensors skipped, one {@code wattiq:} line each. */
    static void notes(PrintWriter err, DeviceList l) {
        for (String w : l.warnings()) err.println("wattiq: " + w);
        for (String line : l.skipped()) err.println("wattiq: note: " + line);
    }

    static void print(PrintWriter out, DeviceList l) {
        if (l.devices().isEmpty()) out.println("No CPU package, GPU or wall meter found.");
        else for (DeviceInfo d : l.devices()) print(out, d);
    }

    /** {@code {"devices": [...]}}. */
    static Map<String, Object> json(DeviceList l) {
        return Map.of("devices", l.devices().stream().map(DevicesText::json).toList());
    }

    /** One device as JSON: snake_case keys with units, null for what is unknown. */
    public static Map<String, Object> json(DeviceInfo d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", d.kind());
        m.put("index", d.index());
        m.put("name", d.name());
        m.put("uuid", d.uuid());
        m.put("memory_total_bytes", d.memoryTotalBytes() < 0 ? null : d.memoryTotalBytes());
        m.put("memory_used_bytes", d.memoryUsedBytes() < 0 ? null : d.memoryUsedBytes());
        m.put("power_w", Double.isFinite(d.powerWatts()) ? d.powerWatts() : null);
        m.put("power_limit_w", Double.isFinite(d.powerLimitWatts()) ? d.powerLimitWatts() : null);
        m.put("energy_source", d.energySource());
        m.put("reason", d.reason());
        return m;
    }

    private static void print(PrintWriter out, DeviceInfo d) {
        out.printf(Locale.ROOT, "%s %d  %s%s%n", d.kind(), d.index(), d.name(), d.uuid() == null ? "" : "  " + d.uuid());
        String memory = d.memoryTotalBytes() < 0 ? "memory unknown"
                : d.memoryUsedBytes() < 0 ? String.format(Locale.ROOT, "memory %.1f GiB", d.memoryTotalBytes() / GIB)
                : String.format(Locale.ROOT, "memory %.1f GiB used of %.1f GiB", d.memoryUsedBytes() / GIB, d.memoryTotalBytes() / GIB);
        if (d.kind().equals("wall") || d.kind().equals("module")) {
            out.printf(Locale.ROOT, "      power %s%s%n", watts(d.powerWatts()), d.kind().equals("wall") ? " (whole machine, at the wall)" : "");
        } else {
            out.printf(Locale.ROOT, "      %s, power %s, limit %s%n", memory, watts(d.powerWatts()), watts(d.powerLimitWatts()));
        }
        out.printf(Locale.ROOT, "      energy source: %s (%s)%n", d.energySource(), d.reason());
    }

    private static String watts(double w) {
        return Double.isFinite(w) ? String.format(Locale.ROOT, "%.1f W", w) : "unknown";
    }
}
