package dev.wattiq.app.serve;

import dev.wattiq.app.plan.PlanInferCommand;
import dev.wattiq.app.plan.PlanTrainCommand;
import dev.wattiq.app.serve.ApiHandler.PostEndpoint;
import dev.wattiq.app.tune.ScheduleCommand;
import dev.wattiq.app.tune.TunePointsCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The POST endpoints of {@code wattiq serve}: each runs its CLI command ({@code plan train}, {@code plan infer},
 * {@code tune points}, {@code schedule}) through {@link CommandEndpoint}, so the answer is exactly what the command's
 * {@code --json-out} holds.
 */
final class ServeEndpoints {
    private static final Set<String> SITE = Set.of("region", "grid_source", "pue", "price", "currency", "grid_intensity", "green_share");

    private ServeEndpoints() {
    }

    static Map<String, PostEndpoint> all() {
        Map<String, PostEndpoint> m = new LinkedHashMap<>();
        m.put("/api/plan/train", new CommandEndpoint(PlanTrainCommand::new, with(SITE, "model", "params", "active_params", "tokens", "hardware",
                "devices", "device_hours", "device_power", "host_overhead", "mfu", "tp", "pp", "precision", "recompute", "start", "embodied"), Map.of()));
        m.put("/api/plan/infer", new CommandEndpoint(PlanInferCommand::new, with(SITE, "model", "params", "active_params", "hardware", "devices",
                "batch", "precision", "input_tokens", "output_tokens", "requests_per_day", "host_overhead", "start", "embodied"), Map.of()));
        m.put("/api/tune/points", new CommandEndpoint(TunePointsCommand::new, Set.of("objectives", "where", "pick", "eta", "max_power_w",
                "energy_column", "time_column"), Map.of("points_csv", "--input")));
        m.put("/api/schedule", new CommandEndpoint(ScheduleCommand::new, Set.of("duration", "power_kw", "deadline", "objective", "weight",
                "interruptible", "regions", "now"), Map.of("series_csv", "--series")));
        return m;
    }

    private static Set<String> with(Set<String> base, String... more) {
        java.util.Set<String> s = new java.util.HashSet<>(base);
        s.addAll(java.util.List.of(more));
        return s;
    }
}
