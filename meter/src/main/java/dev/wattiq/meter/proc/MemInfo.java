package dev.wattiq.meter.proc;

/**
 * The memory figures WattIQ needs from {@code /proc/meminfo}, in bytes.
 *
 * @param totalBytes     {@code MemTotal}
 * @param availableBytes {@code MemAvailable}; -1 on kernels older than 3.14, which lack it
 */
public record MemInfo(long totalBytes, long availableBytes) {

    /**
     * Parses {@code /proc/meminfo} ({@code "MemTotal:   24684092 kB"} lines; the unit is always kB = 1024 bytes).
     *
     * @throws IllegalArgumentException when {@code MemTotal} is missing or malformed
     */
    public static MemInfo parse(CharSequence text) {
        long total = -1;
        long available = -1;
        int at = 0;
        while (at < text.length()) {
            int end = Fields.lineEnd(text, at);
            if (Fields.startsWith(text, at, "MemTotal:")) total = kib(text, at + 9, end, "MemTotal");
            else if (Fields.startsWith(text, at, "MemAvailable:")) available = kib(text, at + 13, end, "MemAvailable");
            at = end + 1;
        }
        if (total < 0) throw new IllegalArgumentException("malformed /proc/meminfo: no MemTotal line");
        return new MemInfo(total, available);
    }

    private static long kib(CharSequence s, int from, int end, String key) {
        int unit = end;
        while (unit > from && s.charAt(unit - 1) != ' ') unit--;
        if (!s.subSequence(unit, end).toString().equals("kB")) {
            throw new IllegalArgumentException("malformed /proc/meminfo: " + key + " is not in kB");
        }
        long[] v = new long[1];
        if (Fields.longs(s, from, unit, v, "malformed /proc/meminfo " + key) != 1 || v[0] < 0) {
            throw new IllegalArgumentException("malformed /proc/meminfo: " + key + " has no number");
        }
        if (v[0] > Long.MAX_VALUE / 1024) throw new IllegalArgumentException("malformed /proc/meminfo: " + key + " too large");
        return v[0] * 1024;
    }
}
