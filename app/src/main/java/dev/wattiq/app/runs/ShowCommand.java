package dev.wattiq.app.runs;

import dev.wattiq.app.output.Json;
import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.cli.SiteOptions;
import dev.wattiq.app.output.OutputFile;
import dev.wattiq.app.run.RunJson;
import dev.wattiq.app.run.Summary;
import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.RunStore;
import dev.wattiq.app.store.StoreException;
import dev.wattiq.app.store.Stores;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wattiq show RUN_ID [--json] [--samples-csv FILE]}: one stored run, optionally with its power timeline. */
@Command(name = "show", mixinStandardHelpOptions = true, modelTransformer = CliOptions.SharedGroups.class, description = "Show one stored run (RUN_ID or a unique prefix of it).")
public final class ShowCommand implements Callable<Integer>, SiteOptions.Holder {
    @Override
    public SiteOptions siteOptions() {
        return siteOptions;
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RUN_ID", description = "The run's id (see 'wattiq runs'), or a unique prefix.")
    String runId;

    @Option(names = "--json", description = "Print the run as JSON (the same object as 'wattiq run --json-out').")
    boolean json;

    final SiteOptions siteOptions = new SiteOptions();

    @Option(names = "--samples-csv", paramLabel = "FILE", description = "Write the run's power samples to FILE as CSV.")
    Path samplesCsv;

    @Override
    public Integer call() {
        if (samplesCsv != null) OutputFile.checkWritable("--samples-csv", samplesCsv);
        ShowRequest request = new ShowRequest(runId, siteOptions.request());
        PrintWriter out = spec.commandLine().getOut();
        try (RunStore store = Stores.openForReading(null, spec.commandLine().getErr())) {
            RunRecord r = request.run(store);
            if (json) out.println(Json.text(RunJson.full(r)));
            else Summary.print(r, out, true);
            if (samplesCsv != null) {
                OutputFile.write("--samples-csv", samplesCsv, SamplesCsv.of(store, r.runId()));
                spec.commandLine().getErr().println("wattiq: wrote " + r.samples() + " samples to " + samplesCsv);
            }
        } catch (StoreException e) {
            throw new Errors.UserError(e.getMessage());
        }
        out.flush();
        return 0;
    }
}
