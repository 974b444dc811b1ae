package dev.wattiq.app;

import dev.wattiq.app.serve.ApiHandler.PostEndpoint;
import java.util.LinkedHashMap;
import java.util.Map;

/** The POST endpoints of {@code wattiq serve}, each calling the same library code as its CLI command. */
final class ServeEndpoints {
    private ServeEndpoints() {
    }

    static Map<String, PostEndpoint> all() {
        Map<String, PostEndpoint> m = new LinkedHashMap<>();
        return m;
    }
}
