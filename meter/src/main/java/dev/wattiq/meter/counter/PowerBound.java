package dev.wattiq.meter.counter;

/**
 * The most power a counter's zone can plausibly draw, and where that figure comes from. A counter step that implies
 * more is a gap, never energy ({@link PlausibleCounter}).
 *
 * @param watts  the bound, in watts (positive)
 * @param source where it comes from, e.g. {@code "3 x constraint_1_max_power_uw 125 W"} or a data-file row
 */
public record PowerBound(double watts, String source) {
    public PowerBound {
        if (!(watts > 0) || Double.isInfinite(watts)) throw new IllegalArgumentException("a power bound must be a positive number of watts: " + watts);
        if (source == null || source.isBlank()) throw new IllegalArgumentException("a power bound needs its source");
    }

    /** The bound, formatted for notes: {@code "375 W (3 x constraint_0_max_power_uw 125 W)"}. */
    @Override
    public String toString() {
        return fmt(watts) + " W (" + source + ")";
    }

    static String fmt(double watts) {
        if (watts == Math.rint(watts) && Math.abs(watts) < 1e15) return String.format(java.util.Locale.ROOT, "%,d", (long) watts);
        if (watts >= 100) return String.format(java.util.Locale.ROOT, "%,.0f", watts);
        return String.format(java.util.Locale.ROOT, "%.3g", watts);
    }
}
