package dev.wattiq.app.runs;

import dev.wattiq.app.output.Json;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.run.RunJson;
import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.RunStore;
import dev.wattiq.app.store.StoreException;
import dev.wattiq.app.store.Stores;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wattiq runs [--json]}: the stored runs, newest first. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List the runs in the store ($WATTIQ_HOME/wattiq.db), newest first.")
public final class RunsCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "Show at most N runs (default: all).")
    int limit;

    @Override
    public Integer call() {
        if (limit < 0) throw new Errors.UserError("--limit must be 0 (all) or more, got " + limit);
        PrintWriter out = spec.commandLine().getOut();
        List<RunRecord> runs;
        try (RunStore store = Stores.open()) {
            runs = store.list(limit);
        } catch (StoreException e) {
            throw new Errors.UserError(e.getMessage());
        }
        if (json) {
            out.println(Json.text(RunJson.list(runs)));
        } else if (runs.isEmpty()) {
            out.println("no runs yet: measure one with 'wattiq run -- CMD'");
        } else {
            out.printf("%-22s %-10s %-20s %10s %12s %8s %-10s %4s  %s%n", "RUN_ID", "STATUS", "STARTED", "DURATION_S", "ENERGY_J", "SAMPLES",
                    "METHOD", "EXIT", "COMMAND");
            for (RunRecord r : runs) {
                out.printf(Locale.ROOT, "%-22s %-10s %-20s %10.3f %12.3f %8d %-10s %4s  %s%n", r.runId(), r.status(),
                        TIME.format(r.startedAt()), Double.isFinite(r.durationSeconds()) ? r.durationSeconds() : 0.0, r.totalJoules(), r.samples(),
                        r.method() == null ? "-" : r.method(), r.exitCode() == null ? "-" : r.exitCode().toString(), abbreviate(String.join(" ", r.command())));
            }
        }
        out.flush();
        return 0;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
