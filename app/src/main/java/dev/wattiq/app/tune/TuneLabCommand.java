package dev.wattiq.app.tune;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.output.Json;
import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.RunStore;
import dev.wattiq.app.store.StoreException;
import dev.wattiq.app.store.Stores;
import dev.wattiq.planner.tune.ColumnObjective;
import dev.wattiq.planner.tune.ConstrainedOptimum;
import dev.wattiq.planner.tune.Constraint;
import dev.wattiq.planner.tune.Direction;
import dev.wattiq.planner.tune.InfeasibleException;
import dev.wattiq.planner.tune.Knee;
import dev.wattiq.planner.tune.Pareto;
import dev.wattiq.planner.tune.Recommendation;
import dev.wattiq.planner.tune.Selector;
import dev.wattiq.planner.tune.Table;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wattiq tune lab}: the Pareto frontier of the lab's stored runs (energy, time, quality) and a recommendation. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = {"The Pareto frontier of stored runs that carry a quality label (the lab's trials store quality_r2), "
                + "over energy, time and quality by default, with the recommended balance point."})
public final class TuneLabCommand implements Callable<Integer> {
    static final List<String> COLUMNS = List.of("energy_j", "duration_s", "quality", "cost", "co2e_kg");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--objectives", defaultValue = "energy_j:min,duration_s:min,quality:max", paramLabel = "COL:min|max,...",
            description = "Among energy_j, duration_s, quality, cost, co2e_kg (default: ${DEFAULT-VALUE}).")
    String objectives;

    @Option(names = "--quality-label", defaultValue = "quality_r2", paramLabel = "KEY", description = "The run label holding quality, higher is better (default: ${DEFAULT-VALUE}).")
    String qualityLabel;

    @Option(names = "--where", paramLabel = "COL<=V|COL>=V", description = "A constraint for the recommendation (repeatable), e.g. --where 'quality>=0.9' (quoted).")
    List<String> where = new ArrayList<>();

    @Option(names = "--limit", defaultValue = "10000", paramLabel = "N", description = "Newest runs to consider (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json-out", paramLabel = "FILE", description = "Write the result as JSON.")
    Path jsonOut;

    @Option(names = "--chart", paramLabel = "FILE.svg|FILE.html", description = "Write a chart of the frontier (first two objectives as axes).")
    Path chart;

    @Override
    public Integer call() {
        List<ColumnObjective> objs = ColumnObjective.parseList(objectives);
        for (ColumnObjective o : objs) {
            if (!COLUMNS.contains(o.column())) throw new Errors.UserError("objective '" + o.column() + "' is not one of " + COLUMNS);
        }
        List<Constraint> constraints = where.stream().map(Constraint::parse).toList();
        List<RunRecord> runs = new ArrayList<>();
        try (RunStore store = Stores.open()) {
            for (RunRecord r : store.list(limit)) {
                if ("complete".equals(r.status()) && Double.isFinite(quality(r))) runs.add(r);
            }
        } catch (StoreException e) {
            throw new Errors.UserError(e.getMessage());
        }
        if (runs.isEmpty()) {
            throw new Errors.UserError("no stored run has a '" + qualityLabel + "' label: run 'wattiq lab' or 'wattiq demo' first "
                    + "(or store runs with --label " + qualityLabel + "=VALUE)");
        }
        int n = runs.size();
        double[][] cols = new double[COLUMNS.size()][n];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RunRecord r = runs.get(i);
            cols[0][i] = r.totalJoules();
            cols[1][i] = r.durationSeconds();
            cols[2][i] = quality(r);
            cols[3][i] = r.bill() == null ? Double.NaN : r.bill().cost().amount();
            cols[4][i] = r.bill() == null ? Double.NaN : r.bill().co2eLocationKg();
            labels.add(r.runId() + (r.labels().containsKey("experiment") ? " " + r.labels().get("experiment") : ""));
        }
        Table table = new Table(COLUMNS, cols);
        double[][] chosen = objs.stream().map(o -> table.column(o.column())).toArray(double[][]::new);
        boolean[] on = Pareto.mask(chosen, objs.stream().map(ColumnObjective::direction).toArray(Direction[]::new),
                objs.stream().map(ColumnObjective::column).toArray(String[]::new));
        Selector selector = constraints.isEmpty()
                ? new Knee(objs.stream().map(ColumnObjective::column).toList(), objs.stream().map(ColumnObjective::direction).toList())
                : new ConstrainedOptimum("best-" + objs.getFirst().column(), objs.getFirst().column(), objs.getFirst().direction(), constraints);
        Recommendation rec = null;
        InfeasibleException infeasible = null;
        try {
            rec = selector.choose(table, on);
        } catch (InfeasibleException e) {
            infeasible = e;
        }
        List<String> lines = new ArrayList<>();
        int count = 0;
        for (boolean b : on) if (b) count++;
        lines.add(String.format(Locale.ROOT, "Pareto frontier: %d of %d stored runs with %s over %s", count, n, qualityLabel, objs));
        lines.add(String.format(Locale.ROOT, "  %-32s %12s %10s %10s %10s %10s", "run", "energy_j", "duration_s", "quality", "cost", "co2e_kg"));
        for (int i = 0; i < n; i++) {
            if (!on[i]) continue;
            lines.add(String.format(Locale.ROOT, "%s %-32s %12.5g %10.4g %10.4f %10.3g %10.3g", rec != null && rec.row() == i ? "*" : " ",
                    labels.get(i), cols[0][i], cols[1][i], cols[2][i], cols[3][i], cols[4][i]));
        }
        if (rec != null) lines.add("recommended: " + labels.get(rec.row()) + " — " + rec.strategy() + ": " + rec.reason());
        PrintWriter out = spec.commandLine().getOut();
        lines.forEach(out::println);
        if (infeasible != null) out.println("no recommendation: " + infeasible.getMessage());
        out.flush();
        if (jsonOut != null) Json.write(json(runs, table, on, rec, infeasible, objs), jsonOut);
        if (chart != null) {
            ChartFile.write(chart, "Pareto frontier of stored lab runs", objs.stream().map(ColumnObjective::column).toList(), chosen, on,
                    labels, rec == null ? -1 : rec.row(), lines);
        }
        if (infeasible != null) throw new Errors.UserError(infeasible.getMessage());
        return 0;
    }

    private double quality(RunRecord r) {
        String v = r.labels().get(qualityLabel);
        if (v == null) return Double.NaN;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private ObjectNode json(List<RunRecord> runs, Table t, boolean[] on, Recommendation rec, InfeasibleException inf,
                            List<ColumnObjective> objs) {
        ObjectNode root = Json.object();
        ArrayNode o = root.putArray("objectives");
        for (ColumnObjective c : objs) o.addObject().put("column", c.column()).put("direction", c.direction().word());
        ArrayNode rows = root.putArray("runs");
        ArrayNode front = root.putArray("frontier");
        for (int i = 0; i < runs.size(); i++) {
            ObjectNode r = rows.addObject();
            r.put("run_id", runs.get(i).runId());
            r.put("experiment", runs.get(i).labels().get("experiment"));
            for (String c : COLUMNS) Json.num(r, c, t.column(c)[i]);
            r.put("pareto", on[i]);
            if (on[i]) front.add(runs.get(i).runId());
        }
        if (rec == null) {
            root.putNull("recommended");
        } else {
            root.putObject("recommended").put("run_id", runs.get(rec.row()).runId()).put("strategy", rec.strategy()).put("reason", rec.reason());
        }
        if (inf != null) {
            ObjectNode x = root.putObject("infeasible").put("binding", inf.binding()).put("message", inf.getMessage());
            Json.num(x, "best_reachable", inf.bestReachable());
        }
        return root;
    }
}
