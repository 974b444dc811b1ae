package dev.wattiq.meter.rapl;

import dev.wattiq.meter.counter.CounterBounds;
import dev.wattiq.meter.counter.PowerBound;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The most power a powercap zone says it can be limited to: the largest of its {@code constraint_N_max_power_uw}
 * files (and {@code max_power_uw} where a driver writes one), which is what {@link PowercapDiscovery.Domain}s are
 * held to by {@link dev.wattiq.meter.counter.PlausibleCounter}. Files that are absent, unreadable, not a number or 0
 * (as some firmware writes) are skipped; with none left the data file's stated bound applies.
 */
public final class PowercapLimits {
    private static final Pattern MAX_FILE = Pattern.compile("constraint_\\d+_max_power_uw|max_power_uw");

    private PowercapLimits() {
    }

    /** The bound for {@code domain}: its largest stated maximum times the headroom, or the stated bound for its kind. */
    public static PowerBound bound(PowercapDiscovery.Domain domain, CounterBounds bounds) {
        Path dir = domain.zone().dir();
        long best = 0;
        String bestName = null;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, p -> MAX_FILE.matcher(p.getFileName().toString()).matches())) {
            for (Path p : s) {
                long uw;
                try {
                    uw = Long.parseLong(Files.readString(p).strip());
                } catch (IOException | NumberFormatException e) {
                    continue;
                }
                if (uw > best) {
                    best = uw;
                    bestName = p.getFileName().toString();
                }
            }
        } catch (IOException | RuntimeException e) {
            // no listing: the stated bound
        }
        return bestName == null ? bounds.stated(domain.component())
                : bounds.fromLimit(best / 1e6, bestName + " of " + domain.zone().id(), domain.component());
    }
}
