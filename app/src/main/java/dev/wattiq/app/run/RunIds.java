package dev.wattiq.app.run;

import java.util.concurrent.ThreadLocalRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Run ids that sort by start time and are short enough to type: {@code 20261127-225012-3fa9c1} (UTC). */
public final class RunIds {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private RunIds() {
    }

    public static String next(Instant at) {
        return STAMP.format(at) + "-" + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
    }
}
