package dev.wattiq.app.runs;

import dev.wattiq.app.cli.JsonCommand;
import dev.wattiq.app.output.Json;
import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.RunStore;
import dev.wattiq.app.store.StoreException;
import dev.wattiq.app.store.StoreOptions;
import java.io.PrintWriter;
import java.util.List;
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
        if (job.isBlank()) throw new Errors.UserError("--job needs a job id, e.g. --job train-42");
        jsonOut.check();
        List<RunRecord> runs;
        String where;
        try (RunStore store = storeOptions.openForReading(spec.commandLine().getErr())) {
            runs = store.job(job);
            where = store.location();
        } catch (StoreException e) {
            throw new Errors.UserError(e.getMessage());
        }
        if (runs.isEmpty()) {
            throw new Errors.UserError("no runs of job '" + job + "' in " + where + ": run each rank as 'wattiq run --job " + job
                    + " -- CMD' (with the same --store on every node)");
        }
        JobReport report = JobReport.of(job, runs);
        PrintWriter out = out();
        if (json) out.println(Json.text(report.json()));
        else report.print(out);
        out.flush();
        jsonOut.write(report::json);
        return 0;
    }
}
