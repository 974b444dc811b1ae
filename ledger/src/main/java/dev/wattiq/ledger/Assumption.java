package dev.wattiq.ledger;

import dev.wattiq.meter.NonNull;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * One value a bill or a plan rests on, shown with where it came from, so no one takes a default for their own site.
 * The one assumption type of the ledger and the planner.
 *
 * @param name       what it is, snake_case, e.g. {@code pue}, {@code grid_intensity}, {@code train.mfu}
 * @param raw        the value as given: a {@link Number}, rendered by {@link #value()} with up to 6 significant digits
 *                   only when shown (a plan lists dozens and most are never printed), or text such as {@code US-IA}
 * @param unit       its unit, e.g. {@code ratio}, {@code gCO2e/kWh}, {@code USD/kWh}; empty for plain text
 * @param source     citation (publication, data set and year), a derivation ({@code derived: ...}), or for a user's
 *                   value how it was given ({@code user: --pue}, {@code site file x.yaml}; below the app, {@code given})
 * @param provenance whether the user gave it, WattIQ chose it, or it is a row of a shipped data file
 */
public record Assumption(String name, Object raw, String unit, String source, Provenance provenance) {
    public Assumption {
        NonNull.check("name, raw, unit, source, provenance", name, raw, unit, source, provenance);
    }

    /** A text value that is the user's ({@code isDefault} false) or WattIQ's ({@code isDefault} true). */
    public Assumption(String name, String value, String unit, String source, boolean isDefault) {
        this(name, value, unit, source, isDefault ? Provenance.DEFAULT : Provenance.USER);
    }

    /** A numeric assumption; the number is shown with up to 6 significant digits. */
    public static Assumption of(String name, double value, String unit, String source, boolean isDefault) {
        return new Assumption(name, value, unit, source, isDefault ? Provenance.DEFAULT : Provenance.USER);
    }

    /** A number (shown with up to 6 significant digits) or a text value, with its provenance. */
    public static Assumption of(String name, Object value, String unit, String source, Provenance provenance) {
        return new Assumption(name, value, unit == null ? "" : unit, source, provenance);
    }

    /** A user-given value: never a default. */
    public static Assumption user(String name, double value, String unit, String source) {
        return of(name, value, unit, source, false);
    }

    /** The value as text, e.g. {@code 1.56}, {@code US-IA}, {@code time-of-use (America/Chicago)}. */
    public String value() {
        return raw instanceof Number n ? format(n.doubleValue()) : raw.toString();
    }

    /** True when WattIQ chose the value (a default, a derivation or a shipped data row) because the user said nothing. */
    public boolean isDefault() {
        return !provenance.isUser();
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
        return name + " = " + value() + (unit.isEmpty() ? "" : " " + unit) + " (" + (isDefault() ? "default; " : "") + source + ")";
    }
}
