package dev.wattiq.ledger.data;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Closest names to a misspelt one, by Levenshtein distance (case-insensitive), for "did you mean" messages. */
public final class Suggest {
    private Suggest() {
    }

    /** Up to {@code max} names closest to {@code wrong}, nearest first. */
    public static List<String> closest(String wrong, Collection<String> names, int max) {
        String w = wrong.toLowerCase(Locale.ROOT);
        return names.stream()
                .distinct()
                .sorted(Comparator.comparingInt((String n) -> distance(w, n.toLowerCase(Locale.ROOT))).thenComparing(n -> n))
                .limit(max)
                .toList();
    }

    /** Levenshtein edit distance between {@code a} and {@code b}. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
