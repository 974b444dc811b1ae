package dev.wattiq.app.tune;

import dev.wattiq.app.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code wattiq tune}: the Pareto frontier of points, LLM sizing for a budget, the lab's runs. */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = "Find the balance point: the Pareto frontier and a recommendation.",
        subcommands = {TunePointsCommand.class, TuneLlmCommand.class, TuneLabCommand.class})
public final class TuneCommand extends CommandGroup {
}
