package dev.wattiq.app.runs;

import dev.wattiq.app.output.Json;
import dev.wattiq.app.run.RunJson;
import dev.wattiq.app.store.Stores;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wattiq runs [--json] [--limit N | --all]}: the latest runs in the store, newest first (20 unless asked). */
@Command(name = "runs", mixinStandardHelpOptions = true, subcommands = RunsTagCommand.class,
        description = "List the latest runs in the store ($WATTIQ_HOME/wattiq.db), newest first: " + RunsRequest.DEFAULT_LIMIT + " unless --limit or --all.")
public final class RunsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + RunsRequest.DEFAULT_LIMIT, description = "Show the latest N runs (default ${DEFAULT-VALUE}; 0: all).")
    int limit;

    @Option(names = "--all", description = "Show every run in the store.")
    boolean all;

    @Override
    public Integer call() {
        RunsRequest request = new RunsRequest(limit, all);
        PrintWriter out = spec.commandLine().getOut();
        RunsList list = Stores.read(null, spec.commandLine().getErr(), store -> RunsList.of(request, store));
        if (json) out.println(Json.text(RunJson.list(list.runs())));
        else RunsText.print(out, list);
        out.flush();
        return 0;
    }
}
