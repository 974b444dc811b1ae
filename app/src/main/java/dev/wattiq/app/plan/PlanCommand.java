package dev.wattiq.app.plan;

import dev.wattiq.app.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code wattiq plan}: model runs too large to measure here (training and serving at fleet scale). */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Model LLM training and inference at fleet scale: time, energy, cost and CO2e, with every assumption.",
        subcommands = {PlanTrainCommand.class, PlanInferCommand.class, PlanValidateCommand.class})
public final class PlanCommand extends CommandGroup {
}
