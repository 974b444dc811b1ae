package dev.wattiq.app.plan;

import dev.wattiq.app.cli.JsonCommand;
import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.cli.HumanNumber;
import dev.wattiq.meter.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wattiq plan infer}: energy per token and request, devices for a demand, and a year of serving. */
@Command(name = "infer", modelTransformer = CliOptions.SharedGroups.class, mixinStandardHelpOptions = true,
        description = "Budget serving: prefill and decode separately, memory- or compute-bound decode, KV cache, devices for the demand, a year's energy, cost and CO2e.")
public final class PlanInferCommand extends JsonCommand.Sited {
    @Mixin
    PlanTargetOptions target;
    @Option(names = "--batch", paramLabel = "B", converter = HumanNumber.class, description = "Concurrent sequences per replica (default 64).")
    Double batch;
    @Option(names = "--input-tokens", paramLabel = "I", converter = HumanNumber.class, description = "Prompt tokens per request (default 500).")
    Double inputTokens;
    @Option(names = "--output-tokens", paramLabel = "O", converter = HumanNumber.class, description = "Generated tokens per request (default 300).")
    Double outputTokens;
    @Option(names = "--requests-per-day", paramLabel = "R", converter = HumanNumber.class, description = "Demand (default 1M).")
    Double requestsPerDay;
    Clock clock = Clock.system();

    /** The request these options make. */
    InferRequest request() {
        return new InferRequest(target.target(site.request()), PlanTarget.count("--batch", batch), inputTokens, outputTokens, requestsPerDay);
    }

    @Override
    public Integer call() {
        jsonOut.check();
        InferPlan p = InferPlan.of(request(), clock);
        PlanText.infer(out(), err(), p);
        jsonOut.write(() -> PlanJson.infer(p));
        return 0;
    }
}
