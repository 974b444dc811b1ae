package dev.wattiq.app.plan;

import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.cli.HumanNumber;
import dev.wattiq.app.cli.JsonOut;
import dev.wattiq.app.cli.SiteOptions;
import dev.wattiq.meter.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wattiq plan infer}: energy per token and request, devices for a demand, and a year of serving. */
@Command(name = "infer", modelTransformer = CliOptions.SharedGroups.class, mixinStandardHelpOptions = true,
        description = "Budget serving: prefill and decode separately, memory- or compute-bound decode, KV cache, devices for the demand, a year's energy, cost and CO2e.")
public final class PlanInferCommand implements Callable<Integer>, SiteOptions.Holder, JsonOut.Holder {
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
    final SiteOptions site = new SiteOptions();
    final JsonOut jsonOut = new JsonOut();
    Clock clock = Clock.system();
    @Spec
    CommandSpec spec;

    @Override
    public SiteOptions siteOptions() {
        return site;
    }

    @Override
    public JsonOut jsonOut() {
        return jsonOut;
    }

    /** The request these options make. */
    InferRequest request() {
        return new InferRequest(target.target(site.request()), PlanTarget.count("--batch", batch), inputTokens, outputTokens, requestsPerDay);
    }

    @Override
    public Integer call() {
        jsonOut.check();
        InferPlan p = InferPlan.of(request(), clock);
        PlanText.infer(spec.commandLine().getOut(), spec.commandLine().getErr(), p);
        jsonOut.write(() -> PlanJson.infer(p));
        return 0;
    }
}
