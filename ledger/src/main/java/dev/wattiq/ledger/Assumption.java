package dev.wattiq.ledger;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * One value a {@link Bill} rests on, shown with where it came from, so no one takes a default for their own site.
 *
 * @param name      what it is, snake_case, e.g. {@code pue}, {@code grid_intensity}, {@code price}
 * @param value     the value as text, e.g. {@code 1.56}, {@code US-IA}, {@code time-of-use (America/Chicago)}
 * @param unit      its unit, e.g. {@code ratio}, {@code gCO2e/kWh}, {@code USD/kWh}; empty for plain text
 * @param source    citation (publication, data set and year) or {@code user: --pue}, {@code site file x.yaml}
 * @param isDefault true when WattIQ chose the value because the user said nothing
 */
public record Assumption(String name, String value, String unit, String source, boolean isDefault) {
    public Assumption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
    }

    /** A numeric assumption; the number is printed with up to 6 significant digits. */
    public static Assumption of(String name, double value, String unit, String source, boolean isDefault) {
        return new Assumption(name, format(value), unit, source, isDefault);
    }

    /** A user-given value: never a default. */
    public static Assumption user(String name, double value, String unit, String source) {
        return of(name, value, unit, source, false);
    }

    /** Shortest plain rendering of a number, e.g. {@code 1.56}, {@code 433196}, {@code 0.0806}. */
    public static String format(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** One line for a terminal: {@code pue = 1.56 ratio (default; Uptime Institute 2024)}. */
    @Override
    public String toString() {
        return name + " = " + value + (unit.isEmpty() ? "" : " " + unit) + " (" + (isDefault ? "default; " : "") + source + ")";
    }
}
