package dev.wattiq.app.tune;

import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.cli.JsonOut;
import dev.wattiq.app.store.RunStore;
import dev.wattiq.app.store.StoreException;
import dev.wattiq.app.store.Stores;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wattiq tune lab}: the Pareto frontier of the lab's stored runs (energy, time, quality) and a recommendation. */
@Command(name = "lab", modelTransformer = CliOptions.SharedGroups.class, mixinStandardHelpOptions = true,
        description = {"The Pareto frontier of stored runs that carry a quality label (the lab's trials store quality_r2), "
                + "over energy, time and quality by default, with the recommended balance point."})
public final class TuneLabCommand implements Callable<Integer>, JsonOut.Holder {
    static final String DEFAULT_OBJECTIVES = "energy_j:min,duration_s:min,quality:max";

    @Spec
    CommandSpec spec;
    @Mixin
    FrontierOptions frontier;
    @Option(names = "--quality-label", defaultValue = "quality_r2", paramLabel = "KEY", description = "The run label holding quality, higher is better (default: ${DEFAULT-VALUE}).")
    String qualityLabel;
    @Option(names = "--limit", defaultValue = "10000", paramLabel = "N", description = "Newest runs to consider (default: ${DEFAULT-VALUE}).")
    int limit;
    final JsonOut jsonOut = new JsonOut();

    @Override
    public JsonOut jsonOut() {
        return jsonOut;
    }

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
        List<String> lines = LabFrontier.lines(f);
        PrintWriter out = spec.commandLine().getOut();
        lines.forEach(out::println);
        if (f.choice().infeasible() != null) out.println("no recommendation: " + f.choice().infeasible().getMessage());
        out.flush();
        jsonOut.write(() -> LabFrontier.json(f));
        frontier.writeChart("Pareto frontier of stored lab runs", f.objectives(), f.table(), f.on(), f.labels(), f.choice().row(), lines);
        if (f.choice().infeasible() != null) throw new Errors.UserError(f.choice().infeasible().getMessage());
        return 0;
    }
}
