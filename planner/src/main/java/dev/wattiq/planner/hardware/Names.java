package dev.wattiq.planner.hardware;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Name normalisation and closest-match suggestions for catalogue look-ups. */
public final class Names {
    private Names() {
    }

    /** Lower case; spaces and underscores become dashes; an organisation prefix (meta-llama/) and a vendor prefix (nvidia-) are dropped. */
    public static String normalize(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        int slash = t.lastIndexOf('/');
        if (slash >= 0) t = t.substring(slash + 1);
        if (t.startsWith("nvidia-") || t.startsWith("amd-") || t.startsWith("google-")) t = t.substring(t.indexOf('-') + 1);
        return t;
    }

    /** Levenshtein edit distance (the ledger's, one implementation for every "did you mean"). */
    public static int distance(String a, String b) {
        return dev.wattiq.ledger.data.Suggest.distance(a, b);
    }

    /** True when every character of {@code q} appears in {@code s} in order ("tpu5" in "tpuv5e"). */
    static boolean isSubsequence(String q, String s) {
        int j = 0;
        for (int i = 0; i < s.length() && j < q.length(); i++) if (s.charAt(i) == q.charAt(j)) j++;
        return j == q.length();
    }

    /** Up to {@code limit} ids whose id or aliases are closest to {@code query}. */
    public static List<String> closest(String query, List<String> ids, List<List<String>> aliases, int limit) {
        String q = normalize(query);
        record Scored(String id, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            int best = distance(q, normalize(ids.get(i)));
            for (String a : aliases.get(i)) best = Math.min(best, distance(q, normalize(a)));
            if (normalize(ids.get(i)).contains(q) || q.contains(normalize(ids.get(i)))) best = Math.min(best, 1);
            if (isSubsequence(q, normalize(ids.get(i)))) best = Math.max(0, best - 1);
            scored.add(new Scored(ids.get(i), best));
        }
        scored.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::id));
        return scored.stream().limit(limit).map(Scored::id).toList();
    }
}
