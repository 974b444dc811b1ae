package dev.wattiq.meter;

/**
 * Null checks for a record's components in one line that still names the one that is null:
 * {@code NonNull.check("region, pue, tariff", region, pue, tariff)}. Nothing is allocated or split unless a check fails.
 */
public final class NonNull {
    private NonNull() {
    }

    /**
     * Throws a {@link NullPointerException} naming the first null value.
     *
     * @param names  the values' names, comma-separated, in the order of {@code values}
     * @param values the values to check
     */
    public static void check(String names, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) throw new NullPointerException(name(names, i, values.length));
        }
    }

    private static String name(String names, int index, int count) {
        String[] n = names.split(",");
        if (n.length != count) throw new IllegalArgumentException(n.length + " names for " + count + " values: " + names);
        return n[index].strip();
    }
}
