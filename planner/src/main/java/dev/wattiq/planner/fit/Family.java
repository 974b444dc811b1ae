package dev.wattiq.planner.fit;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A model's family from its published name, for grouping folds when a data file has no {@code family} column:
 * lower case, the organisation prefix ({@code meta-llama/}) and parenthetical remarks dropped, then size and variant
 * tokens removed ({@code 7B}, {@code A3B}, {@code 8x7B}, {@code instruct}, {@code fp8}, ...). "Llama 2 13B" and
 * "Llama-2-70b-chat" both give {@code llama-2}; "Qwen/Qwen3-30B-A3B-Instruct-2507" gives {@code qwen3}.
 */
public final class Family {
    private static final Pattern PAREN = Pattern.compile("\\(.*?\\)");
    private static final Pattern SIZE = Pattern.compile("^(\\d+x)?\\d+(\\.\\d+)?[bmkt]$|^a\\d+(\\.\\d+)?[bm]$|^e\\d+b$");
    private static final Pattern VARIANT = Pattern.compile("^(instruct|chat|it|base|hf|fp8|bf16|fp16|int4|int8|awq|gptq|"
            + "thinking|reasoning|preview|v\\d+(\\.\\d+)?|\\d{4}|final|training|dynamic|power|only|moe|per|trillion|tokens|"
            + "pre-training|pretraining|update)$");

    private Family() {
    }

    public static String of(String model) {
        String s = model.toLowerCase(Locale.ROOT);
        int slash = s.lastIndexOf('/');
        if (slash >= 0) s = s.substring(slash + 1);
        s = PAREN.matcher(s).replaceAll(" ").replace('_', ' ').replace('-', ' ');
        StringBuilder out = new StringBuilder();
        for (String t : s.trim().split("\\s+")) {
            if (t.isEmpty() || SIZE.matcher(t).matches() || VARIANT.matcher(t).matches()) continue;
            if (!out.isEmpty()) out.append('-');
            out.append(t);
        }
        return out.isEmpty() ? model.toLowerCase(Locale.ROOT) : out.toString();
    }
}
