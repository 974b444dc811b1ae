package dev.wattiq.app.tune;

import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.cli.HumanNumber;
import dev.wattiq.app.cli.JsonCommand;
import dev.wattiq.app.plan.DeviceOptions;
import dev.wattiq.meter.Clock;
import dev.wattiq.planner.llm.LlmBudget;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wattiq tune llm}: the compute-optimal model for a budget, with its time, energy, cost and CO2e. */
@Command(name = "llm", modelTransformer = CliOptions.SharedGroups.class, mixinStandardHelpOptions = true,
        description = {"The compute-optimal LLM (parameters and tokens) for a training budget, its predicted loss, time, "
                + "energy, cost and CO2e.",
                "With --inference-tokens, the model that reaches the same loss with the fewest training + inference FLOPs "
                        + "(Sardana et al. 2024, Beyond Chinchilla-Optimal)."})
public final class TuneLlmCommand extends JsonCommand.Sited {
    @ArgGroup(exclusive = true, multiplicity = "1")
    BudgetOptions budget;

    static final class BudgetOptions {
        @Option(names = "--budget-flops", paramLabel = "C", description = "Training compute in FLOPs, e.g. 1e23.")
        Double flops;
        @Option(names = "--budget-kwh", paramLabel = "E", description = "Facility energy in kWh (IT x PUE).")
        Double kwh;
        @Option(names = "--budget-cost", paramLabel = "M", description = "Money, in the site's currency.")
        Double cost;
        @Option(names = "--budget-co2e-kg", paramLabel = "K", description = "Location-based CO2e in kg.")
        Double co2eKg;
    }

    @Mixin
    DeviceOptions device;
    @Option(names = "--rule", defaultValue = LlmRequest.DEFAULT_RULE, paramLabel = "R",
            description = "chinchilla (Approach 1, ~20 tokens/param), parametric (minimise Hoffmann's L(N,D)) or epoch (minimise the Epoch refit). Default: ${DEFAULT-VALUE}.")
    String rule;
    @Option(names = "--inference-tokens", paramLabel = "T", converter = HumanNumber.class, description = "Tokens the model will serve over its life: size for training + inference FLOPs.")
    Double inferenceTokens;
    Clock clock = Clock.system();

    LlmRequest request() {
        LlmBudget.Kind kind = budget.flops != null ? LlmBudget.Kind.FLOPS : budget.kwh != null ? LlmBudget.Kind.KWH
                : budget.cost != null ? LlmBudget.Kind.COST : LlmBudget.Kind.CO2E_KG;
        double amount = switch (kind) {
            case FLOPS -> budget.flops;
            case KWH -> budget.kwh;
            case COST -> budget.cost;
            case CO2E_KG -> budget.co2eKg;
        };
        return new LlmRequest(kind, amount, device.hardware(), site.request(), rule, inferenceTokens, device.devices(),
                device.precision(), device.start());
    }

    @Override
    public Integer call() {
        jsonOut.check();
        LlmSizing s = LlmSizing.of(request(), clock);
        LlmText.print(out(), s);
        jsonOut.write(() -> LlmJson.of(s));
        return 0;
    }
}
