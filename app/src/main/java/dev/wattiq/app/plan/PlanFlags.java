package dev.wattiq.app.plan;

import dev.wattiq.ledger.Assumption;
import java.util.Map;

/**
 * The command-line flag each of a plan's user-given values comes through. The planner marks a value the user gave
 * with {@link dev.wattiq.ledger.Provenance#USER} and no flag (it does not know them; over HTTP the same value is a
 * JSON field); the terminal printer says which flag it was.
 */
final class PlanFlags {
    private static final Map<String, String> FLAGS = Map.ofEntries(
            Map.entry("model", "--model"),
            Map.entry("params", "--params"),
            Map.entry("active_params", "--active-params"),
            Map.entry("tokens", "--tokens"),
            Map.entry("devices", "--devices"),
            Map.entry("utilisation", "--mfu"),
            Map.entry("device_hours", "--device-hours"),
            Map.entry("device_power_w", "--device-power"),
            Map.entry("host.overhead_fraction", "--host-overhead"),
            Map.entry("tensor_parallel", "--tp"),
            Map.entry("pipeline_parallel", "--pp"),
            Map.entry("precision", "--precision"),
            Map.entry("batch", "--batch"),
            Map.entry("input_tokens", "--input-tokens"),
            Map.entry("output_tokens", "--output-tokens"),
            Map.entry("requests_per_day", "--requests-per-day"));

    private PlanFlags() {
    }

    /** The assumption's source as a terminal shows it: {@code user flag --tokens} for a user's value. */
    static String source(Assumption a) {
        if (!a.provenance().isUser()) return a.source();
        String flag = FLAGS.get(a.name());
        return flag == null ? "user: " + a.source() : "user flag " + flag;
    }
}
