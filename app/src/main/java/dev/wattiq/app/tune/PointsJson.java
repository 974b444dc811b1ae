package dev.wattiq.app.tune;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wattiq.app.output.Json;
import dev.wattiq.planner.selection.Recommendation;
import dev.wattiq.planner.table.Table;

/** A points frontier as JSON: what {@code --json-out} writes and {@code POST /api/tune/points} answers. */
public final class PointsJson {
    private PointsJson() {
    }

    public static ObjectNode of(PointsFrontier f) {
        ObjectNode root = Json.object();
        root.put("input", f.request().origin());
        root.put("rows", f.points().table().rows());
        Frontiers.objectives(root, f.objectives());
        ArrayNode w = root.putArray("constraints");
        f.constraints().forEach(c -> w.add(c.toString()));
        ArrayNode front = root.putArray("frontier");
        for (int i = 0; i < f.on().length; i++) if (f.on()[i]) front.add(i);
        Recommendation rec = f.choice().recommended();
        if (rec == null) {
            root.putNull("recommended");
        } else {
            ObjectNode r = root.putObject("recommended");
            r.put("row", rec.row());
            r.put("label", f.points().labels().get(rec.row()));
            r.put("strategy", rec.strategy());
            r.put("reason", rec.reason());
            r.put("on_frontier", f.on()[rec.row()]);
            ObjectNode v = r.putObject("values");
            Table t = f.points().table();
            for (String name : t.names()) Json.num(v, name, t.column(name)[rec.row()]);
        }
        Frontiers.infeasible(root, f.choice());
        return root;
    }
}
