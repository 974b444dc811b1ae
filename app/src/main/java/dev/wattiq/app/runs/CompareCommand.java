package dev.wattiq.app.runs;

import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.output.Json;
import dev.wattiq.app.run.Comparison;
import dev.wattiq.app.run.RepeatFigures;
import dev.wattiq.app.run.Spread;
import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.RunStore;
import dev.wattiq.app.store.StoreException;
import dev.wattiq.app.store.Stores;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    /** How many runs the store is searched over for a group or label. */
    private static final int SEARCH = 100_000;

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
        PrintWriter out = spec.commandLine().getOut();
        List<RunRecord> runsA;
        List<RunRecord> runsB;
        try (RunStore store = Stores.openForReading(null, spec.commandLine().getErr())) {
            runsA = resolve(store, a, "A");
            runsB = resolve(store, b, "B");
        } catch (StoreException e) {
            throw new Errors.UserError(e.getMessage());
        }
        Map<String, Spread> fa = RepeatFigures.of(runsA);
        Map<String, Spread> fb = RepeatFigures.of(runsB);
        Map<String, Comparison> cmp = Comparison.all(fa, fb);
        if (json) out.println(Json.text(json(runsA, runsB, cmp)));
        else text(out, runsA, runsB, cmp);
        out.flush();
        return 0;
    }

    /** The completed runs {@code arg} names; a one-line error when it names none. */
    List<RunRecord> resolve(RunStore store, String arg, String side) throws StoreException {
        String key = RepeatFigures.GROUP_LABEL;
        String value = arg;
        int eq = arg.indexOf('=');
        if (eq == 0 || eq == arg.length() - 1) {
            throw new Errors.UserError(side + ": '" + arg + "' is not KEY=VALUE (e.g. model=tiny), a run id or a repeat group");
        }
        if (eq > 0) {
            key = arg.substring(0, eq);
            value = arg.substring(eq + 1);
        }
        List<RunRecord> out = new ArrayList<>();
        for (RunRecord r : store.list(SEARCH)) {
            if (value.equals(r.labels().get(key)) && "complete".equals(r.status())) out.add(store.find(r.runId()).orElse(r));
        }
        if (out.isEmpty() && eq < 0) store.find(arg).filter(r -> "complete".equals(r.status())).ifPresent(out::add);
        if (out.isEmpty()) {
            throw new Errors.UserError(side + ": no completed run, repeat group or label '" + arg + "' in " + store.location()
                    + ": list the runs with 'wattiq runs' (a group is the repeat_group label 'wattiq run --repeat N' prints)");
        }
        return out.reversed(); // oldest first
    }

    static void text(PrintWriter out, List<RunRecord> ra, List<RunRecord> rb, Map<String, Comparison> cmp) {
        out.printf(Locale.ROOT, "A: %d run%s (%s)%nB: %d run%s (%s)%n", ra.size(), ra.size() == 1 ? "" : "s", ids(ra), rb.size(),
                rb.size() == 1 ? "" : "s", ids(rb));
        out.printf(Locale.ROOT, "  %-26s %22s %22s %9s %12s  %s%n", "figure", "A median [min, max]", "B median [min, max]", "B vs A",
                "noise range", "verdict");
        for (Comparison c : cmp.values()) {
            double noise = Comparison.noise(c.a(), c.b());
            out.printf(Locale.ROOT, "  %-26s %22s %22s %9s %12s  %s%n", c.figure(), cell(c.a()), cell(c.b()), pct(c.differenceRel()),
                    Double.isFinite(noise) ? num(noise) : "unknown", c.verdict().label().replace('_', ' '));
        }
        Comparison energy = cmp.get("energy_j.total");
        if (energy != null) out.println(conclusion(energy));
    }

    static String conclusion(Comparison e) {
        return switch (e.verdict()) {
            case UNKNOWN -> "energy: spread unknown (one run each): repeat both with 'wattiq run --repeat N' (N >= 3) to tell a difference from noise";
            case WITHIN_NOISE -> String.format(Locale.ROOT, "energy: no significant difference: B differs from A by %s, within the run-to-run spread (range %s J)",
                    pct(e.differenceRel()), num(Comparison.noise(e.a(), e.b())));
            case HIGHER, LOWER -> String.format(Locale.ROOT, "energy: B uses %s %s than A, beyond the run-to-run spread (range %s J)",
                    pct(Math.abs(e.differenceRel())).replace("+", ""), e.verdict() == Comparison.Verdict.LOWER ? "less" : "more",
                    num(Comparison.noise(e.a(), e.b())));
        };
    }

    static Map<String, Object> json(List<RunRecord> ra, List<RunRecord> rb, Map<String, Comparison> cmp) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("a_run_ids", ra.stream().map(RunRecord::runId).toList());
        root.put("b_run_ids", rb.stream().map(RunRecord::runId).toList());
        root.put("rule", "differs when |median B - median A| > the larger of the measured ranges (max - min)");
        Map<String, Object> figures = new LinkedHashMap<>();
        for (Comparison c : cmp.values()) {
            Map<String, Object> o = new LinkedHashMap<>();
            Map<String, Object> spreads = RepeatFigures.json(Map.of("a", c.a(), "b", c.b()));
            o.put("a", spreads.get("a"));
            o.put("b", spreads.get("b"));
            double noise = Comparison.noise(c.a(), c.b());
            o.put("noise", Double.isFinite(noise) ? noise : null);
            o.put("difference_rel", Double.isFinite(c.differenceRel()) ? c.differenceRel() : null);
            o.put("verdict", c.verdict().label());
            o.put("differs", c.differs());
            figures.put(c.figure(), o);
        }
        root.put("figures", figures);
        Comparison e = cmp.get("energy_j.total");
        root.put("energy_verdict", e == null ? null : e.verdict().label());
        return root;
    }

    private static String ids(List<RunRecord> runs) {
        return runs.size() <= 3 ? String.join(", ", runs.stream().map(RunRecord::runId).toList())
                : runs.getFirst().runId() + " .. " + runs.getLast().runId();
    }

    private static String cell(Spread s) {
        return s.known() ? num(s.median()) + " [" + num(s.min()) + ", " + num(s.max()) + "]" : num(s.median());
    }

    private static String pct(double rel) {
        return Double.isFinite(rel) ? String.format(Locale.ROOT, "%+.1f%%", rel * 100) : "-";
    }

    private static String num(double v) {
        if (!Double.isFinite(v)) return "-";
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e6) ? String.format(Locale.ROOT, "%.3g", v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
