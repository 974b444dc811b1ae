package dev.wattiq.app.runs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code runs tag} request: tags to attach to one stored run (its id or a unique prefix). Computed by
 * {@link Tagged#of}.
 *
 * @param tags key to value, in the order given
 */
public record TagRequest(String runId, Map<String, String> tags) {
    public TagRequest {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** The request {@code KEY=VALUE} pairs make; malformed pairs are a user error ({@link TagPairs}). */
    public static TagRequest of(String runId, List<String> pairs) {
        return new TagRequest(runId, TagPairs.parse(pairs));
    }
}
