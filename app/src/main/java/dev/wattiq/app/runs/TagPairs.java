package dev.wattiq.app.runs;

import dev.wattiq.app.cli.Errors;
import dev.wattiq.meter.UserInputException;
import dev.wattiq.meter.control.ControlRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Parses {@code KEY=VALUE} tags for {@code wattiq runs tag}: a key of letters, digits, '_', '.', '-'; a value of any text. */
public final class TagPairs {
    /** The same rule as a tag given from inside a job (the control channel's op "tag"). */
    private static final Pattern KEY = ControlRequest.TAG_KEY;
    private static final int MAX_VALUE = ControlRequest.MAX_TAG_VALUE;

    private TagPairs() {
    }

    /**
     * The pairs in order; a later pair with the same key wins.
     *
     * @throws Errors.UserError naming the malformed pair and the fix
     */
    public static Map<String, String> parse(List<String> pairs) {
        if (pairs == null || pairs.isEmpty()) {
            throw new Errors.UserError("no tag given: put KEY=VALUE after the run id, e.g. wattiq runs tag RUN accuracy=0.91");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : pairs) {
            int eq = p.indexOf('=');
            String key = eq < 0 ? p : p.substring(0, eq);
            String value = eq < 0 ? "" : p.substring(eq + 1);
            if (eq < 0 || !KEY.matcher(key).matches() || value.isEmpty() || value.length() > MAX_VALUE
                    || value.chars().anyMatch(Character::isISOControl)) {
                throw new Errors.UserError("malformed tag '" + UserInputException.shown(p) + "': write KEY=VALUE with a key of letters, digits, '_', '.' or '-' "
                        + "(starting with a letter or '_') and a non-empty value of at most " + MAX_VALUE + " characters, e.g. accuracy=0.91");
            }
            out.put(key, value);
        }
        return out;
    }
}
