package dev.wattiq.meter.proc;

/** Splits one line of space-separated numbers into longs without allocating strings. Package-private helper. */
final class Fields {
    private Fields() {
    }

    /** Index of the end of the line that starts at {@code from} (the newline or the end of text). */
    static int lineEnd(CharSequence s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) != '\n') i++;
        return i;
    }

    /**
     * Parses up to {@code out.length} whitespace-separated signed decimal numbers in {@code s[from, to)}.
     *
     * @return how many were parsed
     * @throws IllegalArgumentException on a token that is not a number
     */
    static int longs(CharSequence s, int from, int to, long[] out, String what) {
        int count = 0;
        int i = from;
        while (count < out.length) {
            while (i < to && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
            if (i >= to) break;
            boolean negative = s.charAt(i) == '-';
            if (negative) i++;
            int start = i;
            long v = 0;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                int d = s.charAt(i) - '0';
                if (v > (Long.MAX_VALUE - d) / 10) throw new IllegalArgumentException(what + ": number too large in field " + (count + 1));
                v = v * 10 + d;
                i++;
            }
            if (i == start || (i < to && s.charAt(i) != ' ' && s.charAt(i) != '\t')) {
                throw new IllegalArgumentException(what + ": field " + (count + 1) + " is not a number");
            }
            out[count++] = negative ? -v : v;
        }
        return count;
    }

    /** Whether {@code s} at {@code at} starts with {@code prefix}. */
    static boolean startsWith(CharSequence s, int at, String prefix) {
        if (at + prefix.length() > s.length()) return false;
        for (int k = 0; k < prefix.length(); k++) if (s.charAt(at + k) != prefix.charAt(k)) return false;
        return true;
    }
}
