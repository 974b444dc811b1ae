package dev.wattiq.planner.schedule;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A fast path for the common ISO-8601 shapes in hourly series: {@code yyyy-MM-ddTHH:mm[:ss]} followed by {@code Z} or
 * {@code ±HH:MM}. Anything else (fractions, other shapes, invalid dates) returns {@link Long#MIN_VALUE} so the caller
 * falls back to {@link java.time.OffsetDateTime#parse} and its exact error. {@code OffsetDateTime.parse} costs
 * microseconds a row; a year of ten regions is 87,600 rows.
 */
final class FastTime {
    private FastTime() {
    }

    /** Epoch seconds of {@code s}, or {@link Long#MIN_VALUE} when it is not one of the fast shapes. */
    static long epochSecondOrMin(String s) {
        int n = s.length();
        if (n < 17 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':') return Long.MIN_VALUE;
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int i = 16;
        int second = 0;
        if (i < n && s.charAt(i) == ':') {
            second = digits(s, i + 1, 2);
            i += 3;
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return Long.MIN_VALUE;
        }
        int offset;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offset = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if (oh < 0 || oh > 18 || om < 0 || om > 59) return Long.MIN_VALUE;
            offset = (s.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return Long.MIN_VALUE;
        }
        long days;
        try {
            days = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
        return days * 86400 + hour * 3600L + minute * 60L + second - offset;
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int k = from; k < from + count; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
