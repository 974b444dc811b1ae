package dev.wattiq.planner;

/**
 * One value a plan used, with its unit and where it came from (a data file row, a user flag, a derivation).
 *
 * @param key    dotted name, e.g. {@code train.mfu}
 * @param value  the value, as a number where it is one (text otherwise)
 * @param unit   unit of {@code value} ("W", "fraction", "FLOP/s", ...)
 * @param source citation or "user flag --x" or "derived: formula"
 */
public record Assumption(String key, Object value, String unit, String source) {
    public static Assumption user(String key, Object value, String unit, String flag) {
        return new Assumption(key, value, unit, "user flag " + flag);
    }

    /** True when the user gave this value (its source is a flag). */
    public boolean isUserGiven() {
        return source.startsWith("user flag");
    }

    /** The ledger's form, so plans and bills list their assumptions alike (numbers to 6 significant digits). */
    public dev.wattiq.ledger.Assumption toLedger() {
        String text = value instanceof Number n ? dev.wattiq.ledger.Assumption.format(n.doubleValue()) : String.valueOf(value);
        return new dev.wattiq.ledger.Assumption(key, text, unit == null ? "" : unit, source, !isUserGiven());
    }
}
