package dev.wattiq.app.tune;

import dev.wattiq.app.cli.JsonCommand;
import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.store.RunStore;
import dev.wattiq.app.store.StoreException;
import dev.wattiq.app.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wattiq tune lab}: the Pareto frontier of the lab's stored runs (energy, time, quality) and a recommendation. */
@Command(name = "lab", modelTransformer = CliOptions.SharedGroups.class, mixinStandardHelpOptions = true,
        description = {"The Pareto frontier of stored runs that carry a quality label (the lab's trials store quality_r2), "
                + "over energy, time and quality by default, with the recommended balance point."})
public final class TuneLabCommand extends JsonCommand {
    static final String DEFAULT_OBJECTIVES = "energy_j:min,duration_s:min,quality:max";

    @Mixin
    FrontierOptions frontier;
    @Option(names = "--quality-label", defaultValue = "quality_r2", paramLabel = "KEY", description = "The run label holding quality, higher is better (default: ${DEFAULT-VALUE}).")
    String qualityLabel;
    @Option(names = "--limit", defaultValue = "10000", paramLabel = "N", description = "Newest runs to consider (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        jsonOut.check();
        frontier.checkChart();
        String objectives = frontier.objectives() == null ? DEFAULT_OBJECTIVES : frontier.objectives();
        LabFrontier f;
        try (RunStore store = Stores.open()) {
            f = LabFrontier.of(store, objectives, frontier.where(), qualityLabel, limit);
        } catch (StoreException e) {
            throw new Errors.UserError(e.getMessage());
        }
        return frontier.report(out(), jsonOut, "Pareto frontier of stored lab runs", LabFrontier.lines(f), f, () -> LabFrontier.json(f));
    }
}
