package dev.wattiq.meter.io;

/**
 * Strict decimal numbers as people write them in data files: an optional sign, digits with an optional fraction, and
 * an optional exponent ({@code 12}, {@code -0.5}, {@code .25}, {@code 3.}, {@code 1e-3}, {@code 6.02E23}).
 *
 * <p>{@link Double#parseDouble} also takes Java's own spellings, which are mistakes in a data file: type suffixes
 * ({@code 1.0d}, {@code 2f}), hexadecimal ({@code 0x1p3}), surrounding control characters, and {@code NaN} or
 * {@code Infinity}. Here those are refused; {@code NaN}, {@code Infinity} and {@code -Infinity} only where the caller
 * says a column allows them.
 */
public final class Decimal {
    private Decimal() {
    }

    /**
     * Parses {@code text} (no surrounding whitespace).
     *
     * @param nonFiniteAllowed whether {@code NaN}, {@code Infinity}, {@code +Infinity} and {@code -Infinity} are taken
     * @throws NumberFormatException when the text is not such a number, or is too large to be finite
     */
    public static double parse(String text, boolean nonFiniteAllowed) {
        if (nonFiniteAllowed) {
            switch (text) {
                case "NaN" -> {
                    return Double.NaN;
                }
                case "Infinity", "+Infinity" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-Infinity" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                default -> {
                }
            }
        }
        if (!isPlain(text)) throw new NumberFormatException("'" + text + "' is not a plain decimal number");
        double v = Double.parseDouble(text);
        if (!nonFiniteAllowed && !Double.isFinite(v)) throw new NumberFormatException("'" + text + "' overflows a double");
        return v;
    }

    /** True when {@code s} is {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?}. */
    public static boolean isPlain(CharSequence s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        int intDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits == 0 && fracDigits == 0) return false;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) return false;
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
