package dev.wattiq.meter.proc;

/**
 * Splits one line of space-separated numbers into longs without allocating strings. Package-private helper.
 * On an {@link AsciiText} (the sampler's kept-open files) it reads the bytes directly: no per-character interface
 * call, which matters while the sampler still runs in the interpreter.
 */
final class Fields {
    /** {@code Long.MAX_VALUE / 10}: one more digit overflows above it, or at it with a digit above 7. */
    private static final long LIMIT = Long.MAX_VALUE / 10;

    private Fields() {
    }

    /** Index of the end of the line that starts at {@code from} (the newline or the end of text). */
    static int lineEnd(CharSequence s, int from) {
        if (s instanceof AsciiText a) {
            byte[] b = a.bytes();
            int n = a.length();
            int i = from;
            while (i < n && b[i] != '\n') i++;
            return i;
        }
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
        if (s instanceof AsciiText a) return longs(a.bytes(), from, Math.min(to, a.length()), out, what);
        // only the range is encoded: a character outside Latin-1 before it (in a command name) must not shift indices
        byte[] range = s.subSequence(from, Math.min(to, s.length())).toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return longs(range, 0, range.length, out, what);
    }

    private static int longs(byte[] s, int from, int to, long[] out, String what) {
        int count = 0;
        int i = from;
        while (count < out.length) {
            while (i < to && (s[i] == ' ' || s[i] == '\t')) i++;
            if (i >= to) break;
            boolean negative = s[i] == '-';
            if (negative) i++;
            int start = i;
            long v = 0;
            while (i < to && s[i] >= '0' && s[i] <= '9') {
                int d = s[i] - '0';
                if (v >= LIMIT && (v > LIMIT || d > 7)) throw new IllegalArgumentException(what + ": number too large in field " + (count + 1));
                v = v * 10 + d;
                i++;
            }
            if (i == start || (i < to && s[i] != ' ' && s[i] != '\t')) {
                int end = i;
                while (end < to && s[end] != ' ' && s[end] != '\t') end++;
                String token = new String(s, negative ? start - 1 : start, Math.min(end, start + 20) - (negative ? start - 1 : start),
                        java.nio.charset.StandardCharsets.ISO_8859_1);
                throw new IllegalArgumentException(what + ": field " + (count + 1) + " is not a number: '" + token + "'");
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
