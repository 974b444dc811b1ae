package dev.wattiq.app.tune;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.output.Json;
import dev.wattiq.planner.tune.ColumnObjective;
import dev.wattiq.planner.tune.ConstrainedOptimum;
import dev.wattiq.planner.tune.Constraint;
import dev.wattiq.planner.tune.Direction;
import dev.wattiq.planner.tune.InfeasibleException;
import dev.wattiq.planner.tune.Knee;
import dev.wattiq.planner.tune.Pareto;
import dev.wattiq.planner.tune.PointsCsv;
import dev.wattiq.planner.tune.Recommendation;
import dev.wattiq.planner.tune.Selector;
import dev.wattiq.planner.tune.Table;
import dev.wattiq.planner.tune.ZeusWeighted;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wattiq tune points}: the Pareto frontier of any table of points, and one recommended with its reason. */
@Command(name = "points", mixinStandardHelpOptions = true,
        description = {"The Pareto frontier of a CSV table of points (one row per configuration, a header row).",
                "Recommends the balance point (closest to the ideal), or with --pick the best of one column under --where "
                        + "constraints, or with --eta Zeus's eta*E + (1-eta)*Pmax*T."})
public final class TunePointsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE.csv", description = "Points: a header row, one row per point.")
    Path input;

    @Option(names = "--objectives", required = true, paramLabel = "COL:min|max,...",
            description = "Columns to trade off, e.g. energy_j:min,duration_s:min,accuracy:max.")
    String objectives;

    @Option(names = "--where", paramLabel = "COL<=V|COL>=V", description = "A constraint for the recommendation (repeatable), e.g. --where 'accuracy>=0.9' (quoted: the shell reads > as a redirection).")
    List<String> where = new ArrayList<>();

    @Option(names = "--pick", paramLabel = "COL[:min|max]", description = "Recommend the best row on this column meeting --where (default direction: the objective's, else min).")
    String pick;

    @Option(names = "--eta", paramLabel = "X", description = "Recommend by Zeus's cost eta*E + (1-eta)*Pmax*T (0..1); needs --max-power-w.")
    Double eta;

    @Option(names = "--max-power-w", paramLabel = "W", description = "Pmax for --eta, in watts.")
    Double maxPowerWatts;

    @Option(names = "--energy-column", defaultValue = "energy_j", paramLabel = "COL", description = "Energy column (J) for --eta (default: ${DEFAULT-VALUE}).")
    String energyColumn;

    @Option(names = "--time-column", defaultValue = "duration_s", paramLabel = "COL", description = "Time column (s) for --eta (default: ${DEFAULT-VALUE}).")
    String timeColumn;

    @Option(names = "--json-out", paramLabel = "FILE", description = "Write the result as JSON.")
    Path jsonOut;

    @Option(names = "--chart", paramLabel = "FILE.svg|FILE.html", description = "Write a chart of the frontier (first two objectives as axes).")
    Path chart;

    @Override
    public Integer call() {
        List<ColumnObjective> objs = ColumnObjective.parseList(objectives);
        List<Constraint> constraints = where.stream().map(Constraint::parse).toList();
        if (eta != null && pick != null) throw new Errors.UserError("--eta and --pick choose in different ways: give one of them");
        if (eta != null && maxPowerWatts == null) throw new Errors.UserError("--eta needs --max-power-w (the power that prices time), e.g. 300");
        List<String> numeric = new ArrayList<>(objs.stream().map(ColumnObjective::column).toList());
        constraints.forEach(c -> numeric.add(c.column()));
        String pickColumn = pick == null ? null : pick.contains(":") ? pick.substring(0, pick.lastIndexOf(':')) : pick;
        if (pickColumn != null) numeric.add(pickColumn);
        if (eta != null) {
            numeric.add(energyColumn);
            numeric.add(timeColumn);
        }
        PointsCsv points = PointsCsv.parse(Json.read(input, "--input"), input.toString(), numeric);
        Table table = points.table();
        int k = objs.size();
        double[][] cols = new double[k][];
        Direction[] dirs = new Direction[k];
        String[] names = new String[k];
        for (int j = 0; j < k; j++) {
            cols[j] = table.column(objs.get(j).column());
            dirs[j] = objs.get(j).direction();
            names[j] = objs.get(j).column();
        }
        boolean[] on = Pareto.mask(cols, dirs, names);
        Selector selector = selector(objs, constraints, pickColumn);
        Recommendation rec = null;
        InfeasibleException infeasible = null;
        try {
            rec = selector.choose(table, on);
        } catch (InfeasibleException e) {
            infeasible = e;
        }
        List<String> lines = lines(points, objs, on, rec);
        PrintWriter out = spec.commandLine().getOut();
        lines.forEach(out::println);
        if (infeasible != null) out.println("no recommendation: " + infeasible.getMessage());
        out.flush();
        if (jsonOut != null) Json.write(json(points, objs, constraints, on, rec, infeasible), jsonOut);
        if (chart != null) {
            ChartFile.write(chart, "Pareto frontier of " + input.getFileName(), List.of(names), cols, on, points.labels(),
                    rec == null ? -1 : rec.row(), lines);
        }
        if (infeasible != null) throw new Errors.UserError(infeasible.getMessage());
        return 0;
    }

    private Selector selector(List<ColumnObjective> objs, List<Constraint> constraints, String pickColumn) {
        if (eta != null) return new ZeusWeighted(eta, maxPowerWatts, energyColumn, timeColumn);
        if (pickColumn != null || !constraints.isEmpty()) {
            String column = pickColumn != null ? pickColumn : objs.getFirst().column();
            Direction d = pick != null && pick.contains(":") ? Direction.parse(pick.substring(pick.lastIndexOf(':') + 1))
                    : objs.stream().filter(o -> o.column().equals(column)).map(ColumnObjective::direction).findFirst().orElse(Direction.MIN);
            return new ConstrainedOptimum("best-" + column, column, d, constraints);
        }
        return new Knee(objs.stream().map(ColumnObjective::column).toList(), objs.stream().map(ColumnObjective::direction).toList());
    }

    private static List<String> lines(PointsCsv points, List<ColumnObjective> objs, boolean[] on, Recommendation rec) {
        Table t = points.table();
        int count = 0;
        for (boolean b : on) if (b) count++;
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "Pareto frontier: %d of %d points over %s", count, t.rows(), objs));
        StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "  %6s  %-20s", "row", "label"));
        for (ColumnObjective o : objs) h.append(String.format(Locale.ROOT, "  %14s", o.column()));
        out.add(h.toString());
        for (int i = 0; i < t.rows(); i++) {
            if (!on[i]) continue;
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s %6d  %-20s", rec != null && rec.row() == i ? "*" : " ",
                    i, clip(points.labels().get(i))));
            for (ColumnObjective o : objs) sb.append(String.format(Locale.ROOT, "  %14.6g", t.column(o.column())[i]));
            out.add(sb.toString());
        }
        if (rec != null) {
            out.add(String.format(Locale.ROOT, "recommended: row %d (%s)%s — %s: %s", rec.row(), points.labels().get(rec.row()),
                    on[rec.row()] ? "" : " [not on the frontier]", rec.strategy(), rec.reason()));
        }
        return out;
    }

    private static String clip(String s) {
        return s.length() <= 20 ? s : s.substring(0, 19) + "…";
    }

    private ObjectNode json(PointsCsv points, List<ColumnObjective> objs, List<Constraint> constraints, boolean[] on,
                            Recommendation rec, InfeasibleException infeasible) {
        ObjectNode root = Json.object();
        root.put("input", input.toString());
        root.put("rows", points.table().rows());
        ArrayNode o = root.putArray("objectives");
        for (ColumnObjective c : objs) o.addObject().put("column", c.column()).put("direction", c.direction().word());
        ArrayNode w = root.putArray("constraints");
        constraints.forEach(c -> w.add(c.toString()));
        ArrayNode f = root.putArray("frontier");
        for (int i = 0; i < on.length; i++) if (on[i]) f.add(i);
        if (rec == null) {
            root.putNull("recommended");
        } else {
            ObjectNode r = root.putObject("recommended");
            r.put("row", rec.row());
            r.put("label", points.labels().get(rec.row()));
            r.put("strategy", rec.strategy());
            r.put("reason", rec.reason());
            r.put("on_frontier", on[rec.row()]);
            ObjectNode v = r.putObject("values");
            Table t = points.table();
            for (String name : t.names()) Json.num(v, name, t.column(name)[rec.row()]);
        }
        if (infeasible != null) {
            ObjectNode inf = root.putObject("infeasible");
            inf.put("binding", infeasible.binding());
            Json.num(inf, "best_reachable", infeasible.bestReachable());
            inf.put("message", infeasible.getMessage());
        }
        return root;
    }
}
