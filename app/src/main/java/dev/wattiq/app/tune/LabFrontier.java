package dev.wattiq.app.tune;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.output.Json;
import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.RunStore;
import dev.wattiq.app.store.StoreException;
import dev.wattiq.meter.UserInputException;
import dev.wattiq.planner.frontier.ColumnObjective;
import dev.wattiq.planner.selection.Constraint;
import dev.wattiq.planner.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The frontier of stored runs with a quality label ({@code tune lab}): computed by {@link #of}, printed by
 * {@link #lines} (text) and {@link #json}.
 */
record LabFrontier(List<RunRecord> runs, String qualityLabel, List<String> labels, Table table, List<ColumnObjective> objectives,
                   boolean[] on, Frontiers.Choice choice) implements Frontiers.Frontier {
    static final List<String> COLUMNS = List.of("energy_j", "duration_s", "quality", "cost", "co2e_kg");

    static LabFrontier of(RunStore store, String objectives, List<String> where, String qualityLabel, int limit) throws StoreException {
        List<ColumnObjective> objs = ColumnObjective.parseList(objectives);
        for (ColumnObjective o : objs) {
            if (!COLUMNS.contains(o.column())) throw new Errors.UserError("objective '" + UserInputException.shown(o.column()) + "' is not one of " + COLUMNS);
        }
        List<Constraint> constraints = where.stream().map(Constraint::parse).toList();
        List<RunRecord> runs = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        int leftOut = 0;
        for (RunRecord r : store.list(limit)) {
            if (!"complete".equals(r.status()) || !Double.isFinite(quality(r, qualityLabel))) continue;
            double[] row = row(r, qualityLabel);
            if (!hasObjectives(row, objs)) { // e.g. too short to charge: its 0 J is no value, it would be the "balance point"
                leftOut++;
                continue;
            }
            runs.add(r);
            rows.add(row);
        }
        if (runs.isEmpty()) {
            throw new Errors.UserError(leftOut > 0
                    ? "no stored run with a '" + UserInputException.shown(qualityLabel) + "' label or tag has every objective's value (" + leftOut + " left out: "
                    + "too short to charge, or no bill); run them again, longer, or choose other --objectives"
                    : "no stored run has a '" + UserInputException.shown(qualityLabel) + "' label or tag: run 'wattiq lab' or 'wattiq demo' first "
                    + "(or attach it: wattiq runs tag RUN " + qualityLabel + "=VALUE)");
        }
        int n = runs.size();
        double[][] cols = new double[COLUMNS.size()][n];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RunRecord r = runs.get(i);
            for (int c = 0; c < COLUMNS.size(); c++) cols[c][i] = rows.get(i)[c];
            labels.add(r.runId() + (r.labels().containsKey("experiment") ? " " + r.labels().get("experiment") : ""));
        }
        Table table = new Table(COLUMNS, cols);
        boolean[] on = Frontiers.mask(table, objs);
        return new LabFrontier(runs, qualityLabel, labels, table, objs, on, Frontiers.choose(Frontiers.selector(objs, constraints, null), table, on));
    }

    /**
     * A run's values in {@link #COLUMNS} order. A run that could not be charged (too short, nothing measured) has no
     * energy, cost or CO2e: NaN, never 0 J and never a price of nothing.
     */
    static double[] row(RunRecord r, String qualityLabel) {
        double energy = r.chargedJoulesOrNaN();
        boolean priced = Double.isFinite(energy) && r.bill() != null;
        return new double[] {energy, r.durationSeconds(), quality(r, qualityLabel),
                priced ? r.bill().cost().amount() : Double.NaN, priced ? r.bill().co2eLocationKg() : Double.NaN};
    }

    private static boolean hasObjectives(double[] row, List<ColumnObjective> objs) {
        for (ColumnObjective o : objs) if (!Double.isFinite(row[COLUMNS.indexOf(o.column())])) return false;
        return true;
    }

    private static double quality(RunRecord r, String label) {
        String v = r.labels().get(label);
        if (v == null) return Double.NaN;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static List<String> lines(LabFrontier f) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Pareto frontier: %d of %d stored runs with %s over %s", Frontiers.count(f.on()), f.runs().size(),
                f.qualityLabel(), f.objectives()));
        lines.add(String.format(Locale.ROOT, "  %-32s %12s %10s %10s %10s %10s", "run", "energy_j", "duration_s", "quality", "cost", "co2e_kg"));
        for (int i = 0; i < f.runs().size(); i++) {
            if (!f.on()[i]) continue;
            double[] v = new double[COLUMNS.size()];
            for (int c = 0; c < v.length; c++) v[c] = f.table().column(COLUMNS.get(c))[i];
            lines.add(String.format(Locale.ROOT, "%s %-32s %12.5g %10.4g %10.4f %10.3g %10.3g", f.choice().row() == i ? "*" : " ",
                    f.labels().get(i), v[0], v[1], v[2], v[3], v[4]));
        }
        if (f.choice().recommended() != null) {
            lines.add("recommended: " + f.labels().get(f.choice().row()) + " — " + f.choice().recommended().strategy() + ": "
                    + f.choice().recommended().reason());
        }
        return lines;
    }

    static ObjectNode json(LabFrontier f) {
        ObjectNode root = Json.object();
        Frontiers.objectives(root, f.objectives());
        ArrayNode rows = root.putArray("runs");
        ArrayNode front = root.putArray("frontier");
        for (int i = 0; i < f.runs().size(); i++) {
            RunRecord run = f.runs().get(i);
            ObjectNode r = rows.addObject();
            r.put("run_id", run.runId());
            r.put("experiment", run.labels().get("experiment"));
            for (String c : COLUMNS) Json.num(r, c, f.table().column(c)[i]);
            r.put("pareto", f.on()[i]);
            if (f.on()[i]) front.add(run.runId());
        }
        if (f.choice().recommended() == null) {
            root.putNull("recommended");
        } else {
            root.putObject("recommended").put("run_id", f.runs().get(f.choice().row()).runId())
                    .put("strategy", f.choice().recommended().strategy()).put("reason", f.choice().recommended().reason());
        }
        Frontiers.infeasible(root, f.choice());
        return root;
    }
}
