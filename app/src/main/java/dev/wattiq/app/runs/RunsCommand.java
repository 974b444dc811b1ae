package dev.wattiq.app.runs;

import dev.wattiq.app.output.Json;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.output.Numbers;
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
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wattiq runs [--json] [--limit N | --all]}: the latest runs in the store, newest first (20 unless asked). */
@Command(name = "runs", mixinStandardHelpOptions = true, subcommands = RunsTagCommand.class,
        description = "List the latest runs in the store ($WATTIQ_HOME/wattiq.db), newest first: " + RunsCommand.DEFAULT_LIMIT + " unless --limit or --all.")
public final class RunsCommand implements Callable<Integer> {
    static final int DEFAULT_LIMIT = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + DEFAULT_LIMIT, description = "Show the latest N runs (default ${DEFAULT-VALUE}; 0: all).")
    int limit;

    @Option(names = "--all", description = "Show every run in the store.")
    boolean all;

    @Override
    public Integer call() {
        if (limit < 0) throw new Errors.UserError("--limit must be 0 (all) or more, got " + limit);
        int shown = all ? 0 : limit;
        PrintWriter out = spec.commandLine().getOut();
        List<RunRecord> runs;
        try (RunStore store = Stores.openForReading(null, spec.commandLine().getErr())) {
            runs = store.list(shown == 0 ? 0 : shown + 1); // one more: whether there are older runs to mention
        } catch (StoreException e) {
            throw new Errors.UserError(e.getMessage());
        }
        boolean more = shown > 0 && runs.size() > shown;
        if (more) runs = runs.subList(0, shown);
        if (json) {
            out.println(Json.text(RunJson.list(runs)));
        } else if (runs.isEmpty()) {
            out.println("no runs yet: measure one with 'wattiq run -- CMD'");
        } else {
            table(out, runs);
            if (more) out.println("(the latest " + shown + " runs; older ones: --all, or --limit N)");
        }
        out.flush();
        return 0;
    }

    /** The table: each column in one number format, cost with its currency, CO2e location-based. */
    static void table(PrintWriter out, List<RunRecord> runs) {
        String[] duration = column(runs, RunRecord::durationSeconds);
        String[] energy = column(runs, r -> measured(r) ? r.totalJoules() : Double.NaN);
        String[] cost = column(runs, r -> measured(r) && r.bill() != null ? r.bill().cost().amount() : Double.NaN);
        String[] co2e = column(runs, r -> measured(r) && r.bill() != null ? r.bill().co2eLocationKg() * 1000 : Double.NaN);
        out.printf("%-22s %-10s %-20s %10s %10s %16s %10s %-10s %4s  %s%n", "RUN_ID", "STATUS", "STARTED", "DURATION_S", "ENERGY_J",
                "COST", "CO2E_G", "METHOD", "EXIT", "COMMAND");
        for (int i = 0; i < runs.size(); i++) {
            RunRecord r = runs.get(i);
            String money = r.bill() == null ? cost[i] : Numbers.money(cost[i], r.bill().cost().currency());
            out.printf(Locale.ROOT, "%-22s %-10s %-20s %10s %10s %16s %10s %-10s %4s  %s%n", r.runId(), r.status(),
                    TIME.format(r.startedAt()), duration[i], energy[i], money, co2e[i], r.method() == null ? "-" : r.method(),
                    r.exitCode() == null ? "-" : r.exitCode().toString(), abbreviate(String.join(" ", r.command())));
        }
    }

    /** A run that could not be charged (too short, nothing measured) has no figures ("-"), not 0 J. */
    private static boolean measured(RunRecord r) {
        return Double.isFinite(r.chargedJoulesOrNaN()) && !"none".equals(r.method());
    }

    private static String[] column(List<RunRecord> runs, ToDoubleFunction<RunRecord> f) {
        return Numbers.column(runs.stream().mapToDouble(f).toArray(), 4);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
