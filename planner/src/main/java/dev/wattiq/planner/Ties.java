package dev.wattiq.planner;

/**
 * The one tie rule for every choice the planner makes by comparing computed costs (a start hour, a region, a
 * frontier point): two costs within a relative {@link #RELATIVE} of each other are equal, and the candidate met
 * first keeps its place (the earliest start, the first region given, the first row). Floating-point drift (a sum
 * taken in another order, prefix sums over a long series) is far below that, so it can never pick a later start
 * for a "saving" of 0.0%.
 */
public final class Ties {
    /** Costs closer than this, relative to the larger, are equal. */
    public static final double RELATIVE = 1e-9;

    private Ties() {
    }

    /**
     * Whether {@code candidate} beats {@code best} by more than the tie tolerance (lower is better). Any number beats
     * a NaN {@code best}; a NaN candidate beats nothing.
     */
    public static boolean lower(double candidate, double best) {
        if (Double.isNaN(candidate)) return false;
        if (Double.isNaN(best)) return true;
        return candidate < best && !equal(candidate, best);
    }

    /** Whether {@code a} and {@code b} are equal within the relative tolerance (infinities only to themselves). */
    public static boolean equal(double a, double b) {
        if (a == b) return true;
        if (Double.isInfinite(a) || Double.isInfinite(b)) return false;
        return Math.abs(a - b) <= RELATIVE * Math.max(Math.abs(a), Math.abs(b));
    }
}
