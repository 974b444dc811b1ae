package dev.wattiq.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wattiq.app.cli.SiteRequest;
import dev.wattiq.app.plan.InferPlan;
import dev.wattiq.app.plan.InferRequest;
import dev.wattiq.app.plan.PlanJson;
import dev.wattiq.app.plan.PlanTarget;
import dev.wattiq.app.plan.TrainPlan;
import dev.wattiq.app.plan.TrainRequest;
import dev.wattiq.app.serve.ApiHandler.PostEndpoint;
import dev.wattiq.app.tune.PointsFrontier;
import dev.wattiq.app.tune.PointsJson;
import dev.wattiq.app.tune.PointsRequest;
import dev.wattiq.app.tune.ScheduleJson;
import dev.wattiq.app.tune.ScheduleRequest;
import dev.wattiq.meter.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The POST endpoints of {@code wattiq serve}. Each reads its body into the request type its CLI command builds from
 * options ({@link Body}: typed fields, unknown ones refused), calls the same compute step and answers with the same
 * JSON printer as the command's {@code --json-out}: one shape by construction. The field names are the command's
 * options in snake_case, less those that name files ({@code --json-out}, {@code --site}, {@code --input}, ...): a
 * file's contents travel in the body instead ({@code points_csv}, {@code series_csv}) and nothing is written.
 */
final class ServeEndpoints {
    private ServeEndpoints() {
    }

    static Map<String, PostEndpoint> all(Clock clock) {
        Map<String, PostEndpoint> m = new LinkedHashMap<>();
        m.put("/api/plan/train", endpoint(ServeEndpoints::train, r -> PlanJson.train(TrainPlan.of(r, clock))));
        m.put("/api/plan/infer", endpoint(ServeEndpoints::infer, r -> PlanJson.infer(InferPlan.of(r, clock))));
        m.put("/api/tune/points", endpoint(ServeEndpoints::points, r -> PointsJson.of(PointsFrontier.of(r))));
        m.put("/api/schedule", endpoint(ServeEndpoints::schedule, r -> ScheduleJson.of(r.plan())));
        return m;
    }

    /** Reads the body into a request (refusing unknown fields before anything is computed), then answers it. */
    private static <R> PostEndpoint endpoint(Function<Body, R> read, Function<R, ? extends JsonNode> answer) {
        return json -> {
            Body body = new Body(json);
            R request = read.apply(body);
            body.finish();
            return answer.apply(request);
        };
    }

    static TrainRequest train(Body b) {
        PlanTarget t = target(b);
        Integer tp = b.integer("tp");
        Integer pp = b.integer("pp");
        return new TrainRequest(t, b.amount("tokens"), b.amount("device_hours"), b.amount("device_power"), b.number("mfu"),
                tp, pp, b.flag("recompute"));
    }

    static InferRequest infer(Body b) {
        return new InferRequest(target(b), PlanTarget.count("batch", b.amount("batch")), b.amount("input_tokens"),
                b.amount("output_tokens"), b.amount("requests_per_day"));
    }

    private static PlanTarget target(Body b) {
        return new PlanTarget(b.text("model"), b.amount("params"), b.amount("active_params"), b.text("hardware"),
                PlanTarget.count("devices", b.amount("devices")), b.text("precision"), b.number("host_overhead"), b.instant("start"),
                b.flag("embodied"), site(b), hardwareFile(b));
    }

    /** The user's devices travel as the CSV's text in {@code hardware_csv} (a body names no files). */
    private static PlanTarget.HardwareFile hardwareFile(Body b) {
        String csv = b.text("hardware_csv");
        return csv == null ? null : new PlanTarget.HardwareFile("hardware_csv", csv);
    }

    /** The site's scalar fields (the CLI's --site and --carbon-series name files, so they have no field here). */
    private static SiteRequest site(Body b) {
        return SiteRequest.of(b.text("region"), b.text("grid_source"), b.number("pue"), b.number("price"), b.text("currency"),
                b.number("grid_intensity"), b.number("green_share"));
    }

    static PointsRequest points(Body b) {
        return new PointsRequest(b.document("points_csv"), "points_csv", b.requiredText("objectives"), b.texts("where"), b.text("pick"),
                b.number("eta"), b.number("max_power_w"), b.text("energy_column"), b.text("time_column"));
    }

    static ScheduleRequest schedule(Body b) {
        return new ScheduleRequest(b.document("series_csv"), "series_csv", b.requiredNumber("duration"), b.requiredNumber("power_kw"),
                b.requiredInstant("deadline"), b.instant("now"), b.text("objective"), b.number("weight"), b.flag("interruptible"), b.texts("regions"),
                b.text("currency"));
    }
}
