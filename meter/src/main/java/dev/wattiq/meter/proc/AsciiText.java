package dev.wattiq.meter.proc;

import java.nio.charset.StandardCharsets;

/**
 * A read-only {@link CharSequence} over bytes of ASCII text (procfs and sysfs files), so that parsers written
 * against {@code CharSequence} run on a reused buffer without copying it into a {@link String}.
 * Also the one home of allocation-free number parsing for those files.
 */
public final class AsciiText implements CharSequence {
    private byte[] bytes;
    private int length;

    public AsciiText(byte[] bytes, int length) {
        reset(bytes, length);
    }

    void reset(byte[] b, int len) {
        if (len < 0 || len > b.length) throw new IllegalArgumentException("length " + len + " outside 0.." + b.length);
        this.bytes = b;
        this.length = len;
    }

    /** The backing bytes (valid up to {@link #length()}); for the parsers' fast paths. */
    byte[] bytes() {
        return bytes;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) throw new IndexOutOfBoundsException(index);
        return (char) (bytes[index] & 0xff);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        if (start < 0 || end > length || start > end) throw new IndexOutOfBoundsException(start + ".." + end + " of " + length);
        return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    /**
     * Parses the unsigned decimal number that {@code s} holds, ignoring surrounding whitespace
     * (sysfs values end in a newline). No allocation on success.
     *
     * @throws NumberFormatException when {@code s} is not one unsigned decimal number that fits a {@code long}
     */
    public static long parseUnsignedLong(CharSequence s) {
        int i = 0;
        int n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) i++;
        while (n > i && Character.isWhitespace(s.charAt(n - 1))) n--;
        if (i == n) throw new NumberFormatException("empty instead of a number");
        long v = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') throw new NumberFormatException("not a decimal number: '" + clip(s) + "'");
            int d = c - '0';
            if (v > (Long.MAX_VALUE - d) / 10) throw new NumberFormatException("number too large: '" + clip(s) + "'");
            v = v * 10 + d;
        }
        return v;
    }

    /** The text as a message may show it: stripped, then as {@link dev.wattiq.meter.UserInputException#shown} (40 characters, controls escaped). */
    static String clip(CharSequence s) {
        return dev.wattiq.meter.UserInputException.shown(s.toString().strip());
    }
}
