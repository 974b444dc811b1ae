package dev.wattiq.ledger.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wattiq.ledger.LedgerException;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Parses weekday lists: {@code [MON, TUE]}, {@code "weekdays"}, {@code "weekend"}, {@code "all"}, full names. */
final class Days {
    private Days() {
    }

    static Set<DayOfWeek> parse(JsonNode node, String where) {
        if (node == null || node.isNull()) throw new LedgerException(where + " is missing: list weekdays, e.g. [MON, TUE, WED, THU, FRI] or \"weekdays\"");
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (node.isTextual()) {
            days.addAll(one(node.textValue(), where));
        } else if (node.isArray()) {
            for (JsonNode d : node) {
                if (!d.isTextual()) throw new LedgerException(where + " holds " + d + ": write day names such as MON");
                days.addAll(one(d.textValue(), where));
            }
        } else {
            throw new LedgerException(where + " is " + node + ": list weekdays, e.g. [MON, TUE] or \"weekdays\"");
        }
        return days;
    }

    private static Set<DayOfWeek> one(String text, String where) {
        String s = text.strip().toUpperCase(Locale.ROOT);
        switch (s) {
            case "ALL", "DAILY", "EVERYDAY" -> { return EnumSet.allOf(DayOfWeek.class); }
            case "WEEKDAYS" -> { return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY); }
            case "WEEKEND", "WEEKENDS" -> { return EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY); }
            default -> { }
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(s) || d.name().substring(0, 3).equals(s)) return EnumSet.of(d);
        }
        throw new LedgerException(where + " has unknown day '" + text + "': use MON..SUN, full names, \"weekdays\", \"weekend\" or \"all\"");
    }
}
