package dev.wattiq.app.run;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Whether B differs from A beyond the measured run-to-run spread, figure by figure. The rule: B differs when the
 * difference of the medians is larger than the larger of the two run-to-run ranges (max - min) that were measured;
 * when neither side was measured more than once the spread is unknown and nothing is claimed.
 *
 * @param figure  the figure's JSON name (e.g. {@code energy_j.total})
 * @param a       A's spread
 * @param b       B's spread
 * @param verdict {@link Verdict}
 */
public record Comparison(String figure, Spread a, Spread b, Verdict verdict) {
    /** What the figures say. */
    public enum Verdict {
        /** B is higher than A by more than the noise. */
        HIGHER,
        /** B is lower than A by more than the noise. */
        LOWER,
        /** The difference is within the run-to-run spread. */
        WITHIN_NOISE,
        /** Neither side was repeated: the noise is unknown. */
        UNKNOWN;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Compares one figure. */
    public static Comparison of(String figure, Spread a, Spread b) {
        double noise = noise(a, b);
        double diff = b.median() - a.median();
        Verdict v;
        if (!Double.isFinite(noise) || !Double.isFinite(diff)) v = Verdict.UNKNOWN;
        else if (Math.abs(diff) <= noise) v = Verdict.WITHIN_NOISE;
        else v = diff > 0 ? Verdict.HIGHER : Verdict.LOWER;
        return new Comparison(figure, a, b, v);
    }

    /** Every figure both sides have, in A's order. */
    public static Map<String, Comparison> all(Map<String, Spread> a, Map<String, Spread> b) {
        Map<String, Comparison> out = new LinkedHashMap<>();
        for (Map.Entry<String, Spread> e : a.entrySet()) {
            Spread other = b.get(e.getKey());
            if (other != null) out.put(e.getKey(), of(e.getKey(), e.getValue(), other));
        }
        return out;
    }

    /** The larger measured range of the two; NaN when neither side has two runs. */
    public static double noise(Spread a, Spread b) {
        double n = Double.NaN;
        if (a.known()) n = a.range();
        if (b.known()) n = Double.isNaN(n) ? b.range() : Math.max(n, b.range());
        return n;
    }

    /** {@code (median B - median A) / median A}; NaN when A's median is 0. */
    public double differenceRel() {
        return a.median() != 0 ? (b.median() - a.median()) / Math.abs(a.median()) : Double.NaN;
    }

    /** Whether B differs from A beyond the noise. */
    public boolean differs() {
        return verdict == Verdict.HIGHER || verdict == Verdict.LOWER;
    }
}
