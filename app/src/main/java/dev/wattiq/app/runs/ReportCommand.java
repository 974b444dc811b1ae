package dev.wattiq.app.runs;

import dev.wattiq.app.cli.JsonCommand;
import dev.wattiq.app.output.Json;
import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.store.StoreOptions;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wattiq report --job ID}: one job's runs (every rank on every node that recorded into the store), summed. */
@Command(name = "report", modelTransformer = CliOptions.SharedGroups.class, mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sum a job's runs (all ranks and nodes that ran 'wattiq run --job ID' into this store).")
public final class ReportCommand extends JsonCommand {
    @Option(names = "--job", paramLabel = "ID", required = true, description = "The job id given to 'wattiq run --job'.")
    String job;


    @Option(names = "--json", description = "Print the report as JSON instead of a table.")
    boolean json;

    @Mixin
    StoreOptions storeOptions;

    @Override
    public Integer call() {
        ReportRequest request = new ReportRequest(job);
        jsonOut.check();
        JobReport report = storeOptions.read(err(), store -> JobReport.of(request, store));
        PrintWriter out = out();
        if (json) out.println(Json.text(ReportText.json(report)));
        else ReportText.print(out, report);
        out.flush();
        jsonOut.write(() -> ReportText.json(report));
        return 0;
    }
}
