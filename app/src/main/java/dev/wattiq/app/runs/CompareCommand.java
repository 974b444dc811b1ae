package dev.wattiq.app.runs;

import dev.wattiq.app.output.Json;
import dev.wattiq.app.store.Stores;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wattiq compare A B}: whether B's figures differ from A's beyond the run-to-run spread that was measured.
 * A and B are each a run id (or unique prefix), a group of repeated runs ({@code wattiq run --repeat N} prints its
 * {@code repeat_group}), or a label {@code KEY=VALUE} naming every run that carries it.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Say whether B differs from A beyond the measured run-to-run spread, figure by figure.",
                "A and B: a run id (or a unique prefix), a repeat group (rep-..., from 'wattiq run --repeat N'), or a label "
                        + "KEY=VALUE (every run with it). B differs when the difference of the medians is larger than the larger "
                        + "of the two groups' ranges (max - min); with one run on each side the spread is unknown."})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The reference: a run id, a repeat group or KEY=VALUE.")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "The one compared with it: a run id, a repeat group or KEY=VALUE.")
    String b;

    @Option(names = "--json", description = "Print the comparison as JSON.")
    boolean json;

    @Override
    public Integer call() {
        CompareRequest request = CompareRequest.of(a, b); // a malformed side fails before the store is opened
        PrintWriter out = spec.commandLine().getOut();
        RunsComparison comparison = Stores.read(null, spec.commandLine().getErr(), store -> RunsComparison.of(request, store));
        if (json) out.println(Json.text(CompareText.json(comparison)));
        else CompareText.print(out, comparison);
        out.flush();
        return 0;
    }
}
