package dev.wattiq.planner.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Leave-one-group-out folds: every row of one model family is held out together, so a fold never predicts a model
 * from its own siblings (Llama 2 7B cannot help predict Llama 2 13B).
 */
public final class Folds {
    private Folds() {
    }

    /** Row indices grouped by {@code group}, groups in first-seen order. */
    public static <T> List<int[]> byGroup(List<T> rows, Function<T, String> group) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) groups.computeIfAbsent(group.apply(rows.get(i)), k -> new ArrayList<>()).add(i);
        List<int[]> out = new ArrayList<>();
        for (List<Integer> g : groups.values()) out.add(g.stream().mapToInt(Integer::intValue).toArray());
        return out;
    }

    /** The rows not in {@code heldOut}. */
    public static <T> List<T> without(List<T> rows, int[] heldOut) {
        boolean[] skip = new boolean[rows.size()];
        for (int i : heldOut) skip[i] = true;
        List<T> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) if (!skip[i]) out.add(rows.get(i));
        return out;
    }
}
