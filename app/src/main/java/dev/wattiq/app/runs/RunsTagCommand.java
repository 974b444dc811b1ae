package dev.wattiq.app.runs;

import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.store.RunStore;
import dev.wattiq.app.store.StoreException;
import dev.wattiq.app.store.StoreOptions;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wattiq runs tag RUN KEY=VALUE...}: attaches tags to a stored run after the fact, e.g. its accuracy once it is
 * known. A tag is kept with the run's labels (a tag with a label's key replaces it), so {@code tune lab} and the
 * dashboard's frontier read quality from either.
 */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Attach KEY=VALUE tags to a stored run after it ran, e.g. its quality once known: wattiq runs tag RUN accuracy=0.91 "
                + "('wattiq tune lab --quality-label accuracy' then uses it).")
public final class RunsTagCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run's id (see 'wattiq runs'), or a unique prefix.")
    String runId;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "KEY=VALUE", description = "Tags to attach (a later one with the same key wins).")
    List<String> pairs;

    @Mixin
    StoreOptions storeOptions;

    @Override
    public Integer call() {
        TagRequest request = TagRequest.of(runId, pairs); // before the store is opened: bad input changes nothing
        PrintWriter out = spec.commandLine().getOut();
        try (RunStore store = storeOptions.open(spec.commandLine().getErr())) {
            out.println(Tagged.of(request, store).text());
        } catch (StoreException e) {
            throw new Errors.UserError(e.getMessage());
        }
        out.flush();
        return 0;
    }
}
