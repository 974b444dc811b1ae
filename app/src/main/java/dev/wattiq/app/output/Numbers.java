package dev.wattiq.app.output;

import java.util.Locale;

/**
 * Numbers for terminal tables, one format per column: a column's figures share their decimals (enough for its
 * smallest figure to show {@code digits} significant digits, at most 6), with thousands separators; a column whose
 * figures span more than six orders of magnitude, or hold one below 1e-4 or from 1e12 up, is in scientific notation
 * throughout. So a column never mixes {@code 98.2000} with {@code 120.800}, or {@code 0.013} with {@code 9.919e-03}.
 * Unknown figures (NaN) print as {@code -}.
 */
public final class Numbers {
    private Numbers() {
    }

    /** The figures of one column, formatted alike. */
    public static String[] column(double[] values, int digits) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double v : values) {
            if (!Double.isFinite(v) || v == 0) continue;
            min = Math.min(min, Math.abs(v));
            max = Math.max(max, Math.abs(v));
        }
        String[] out = new String[values.length];
        boolean none = max == 0;
        boolean scientific = !none && (min < 1e-4 || max >= 1e12 || max / min > 1e6);
        int decimals = none ? 0 : Math.max(0, Math.min(6, digits - 1 - (int) Math.floor(Math.log10(min))));
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) out[i] = "-";
            else if (scientific) out[i] = String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
            else out[i] = String.format(Locale.ROOT, "%,." + decimals + "f", v);
        }
        return out;
    }

    /** One figure as {@link #column} would print it alone. */
    public static String one(double v, int digits) {
        return column(new double[] {v}, digits)[0];
    }

    /** A money figure with its currency: {@code 22.62 USD}. */
    public static String money(String amount, String currency) {
        return amount.equals("-") ? amount : amount + " " + currency;
    }
}
