package dev.wattiq.app.runs;

import dev.wattiq.app.output.Json;
import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.cli.SiteOptions;
import dev.wattiq.app.run.Bills;
import dev.wattiq.app.output.OutputFile;
import dev.wattiq.app.run.RunJson;
import dev.wattiq.app.run.SampleShape;
import dev.wattiq.app.run.Summary;
import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.RunStore;
import dev.wattiq.app.store.StoreException;
import dev.wattiq.app.store.Stores;
import dev.wattiq.ledger.Site;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
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
        PrintWriter out = spec.commandLine().getOut();
        try (RunStore store = Stores.openForReading(null, spec.commandLine().getErr())) {
            RunRecord r = store.find(runId).orElseThrow(() -> new Errors.UserError(
                    "no run '" + runId + "' in " + store.location() + ": list the runs with 'wattiq runs'"));
            if (siteGiven()) r = rebill(store, r, siteOptions.site());
            if (json) out.println(Json.text(RunJson.full(r)));
            else Summary.print(r, out, true);
            if (samplesCsv != null) {
                OutputFile.write("--samples-csv", samplesCsv, csv(store, r.runId()));
                spec.commandLine().getErr().println("wattiq: wrote " + r.samples() + " samples to " + samplesCsv);
            }
        } catch (StoreException e) {
            throw new Errors.UserError(e.getMessage());
        }
        out.flush();
        return 0;
    }

    /** Whether any site flag was given: then the bill is made again for that site from the stored samples. */
    private boolean siteGiven() {
        return siteOptions.given();
    }

    static RunRecord rebill(RunStore store, RunRecord r, Site site) throws StoreException {
        SampleShape shape = new SampleShape();
        store.forEachSample(r.runId(), s -> shape.add(s.wallTime(), s.intervalSeconds(), s.totalWatts()));
        double seconds = Double.isFinite(r.durationSeconds()) ? r.durationSeconds() : 0;
        return r.withBill(Bills.bill(site, r, seconds, shape.samples()));
    }

    /** {@code time,interval_s,total_w,gap,<component>_w...}: one row per sample, components in first-seen order. */
    static String csv(RunStore store, String runId) throws StoreException {
        Set<String> components = new LinkedHashSet<>();
        store.forEachSample(runId, s -> components.addAll(s.wattsByComponent().keySet()));
        StringBuilder b = new StringBuilder("time,interval_s,total_w,gap");
        for (String c : components) b.append(',').append(c).append("_w");
        b.append('\n');
        store.forEachSample(runId, s -> {
            b.append(s.wallTime()).append(',').append(fmt(s.intervalSeconds())).append(',').append(fmt(s.totalWatts())).append(',')
                    .append(s.gap() ? 1 : 0);
            for (String c : components) {
                Double w = s.wattsByComponent().get(c);
                b.append(',').append(w == null ? "" : fmt(w));
            }
            b.append('\n');
        });
        return b.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
