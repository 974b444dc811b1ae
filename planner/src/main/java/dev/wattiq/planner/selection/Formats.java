package dev.wattiq.planner.selection;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers in messages: six significant digits, no trailing zeros, locale-independent. */
final class Formats {
    private Formats() {
    }

    static String number(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e12 || a < 1e-6)) return String.format(Locale.ROOT, "%.4e", v);
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
