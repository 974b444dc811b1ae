package dev.wattiq.app.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sizes written in words ({@code 15 trillion}): {@link HumanNumber} reads them in one argument, and an unquoted
 * {@code --tokens 15 trillion}, which the shell splits in two, gets a plain answer with the short form instead of the
 * parser's "Unmatched argument at index 5".
 */
final class NumberWords {
    /** Each word's scale and suffix (short scale, as model and token counts are written). */
    static final Map<String, Double> SCALE = Map.of("thousand", 1e3, "million", 1e6, "billion", 1e9, "trillion", 1e12, "quadrillion", 1e15);
    private static final Map<String, String> SUFFIX = Map.of("thousand", "k", "million", "M", "billion", "B", "trillion", "T", "quadrillion", "P");

    private NumberWords() {
    }

    /** The scale word {@code w} names ("trillion", "Trillions"), or null. */
    static String word(String w) {
        String s = w.trim().toLowerCase(Locale.ROOT);
        if (s.endsWith("s")) s = s.substring(0, s.length() - 1);
        return SCALE.containsKey(s) ? s : null;
    }

    /**
     * The answer to an unmatched argument that is a scale word right after an option's number ({@code --tokens 15
     * trillion}), or null when {@code unmatched} is something else.
     */
    static String unmatched(List<String> args, List<String> unmatched) {
        if (unmatched.isEmpty()) return null;
        String w = word(unmatched.getFirst());
        int at = args.indexOf(unmatched.getFirst());
        if (w == null || at < 2 || !args.get(at - 2).startsWith("-")) return null;
        String number = args.get(at - 1);
        String option = args.get(at - 2);
        return "'" + option + " " + number + " " + unmatched.getFirst() + "' is two words where one is needed: write " + option + " "
                + number + SUFFIX.get(w) + " (" + SUFFIX.get(w) + " = " + w + "; also k = thousand, M = million, B = billion, T = trillion),"
                + " or quote it: " + option + " '" + number + " " + unmatched.getFirst() + "'";
    }
}
