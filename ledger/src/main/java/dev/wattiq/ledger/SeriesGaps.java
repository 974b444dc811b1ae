package dev.wattiq.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;

/** Renders a set of missing hours as ranges: {@code 2024-03-01T05:00:00Z..07:00 (3 h), 2024-03-02T00:00:00Z (1 h)}. */
final class SeriesGaps {
    private static final int MAX_RANGES = 5;

    private SeriesGaps() {
    }

    static String describe(NavigableSet<Instant> hours) {
        List<String> ranges = new ArrayList<>();
        Instant first = null, last = null;
        int count = 0;
        for (Instant h : hours) {
            if (last != null && h.equals(last.plusSeconds(3600))) {
                last = h;
                count++;
                continue;
            }
            if (first != null) ranges.add(range(first, last, count));
            first = last = h;
            count = 1;
        }
        if (first != null) ranges.add(range(first, last, count));
        String head = String.join(", ", ranges.subList(0, Math.min(MAX_RANGES, ranges.size())));
        String more = ranges.size() > MAX_RANGES ? " and " + (ranges.size() - MAX_RANGES) + " more ranges" : "";
        return hours.size() + " hour(s): " + head + more;
    }

    private static String range(Instant first, Instant last, int count) {
        return count == 1 ? first + " (1 h)" : first + ".." + last + " (" + count + " h)";
    }
}
