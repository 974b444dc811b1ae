package dev.wattiq.app.tune;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wattiq.app.output.Json;
import dev.wattiq.planner.schedule.Placement;
import dev.wattiq.planner.schedule.ScheduleResult;
import java.util.Locale;

/** A schedule as JSON: what {@code --json-out} writes and {@code POST /api/schedule} answers. */
public final class ScheduleJson {
    private ScheduleJson() {
    }

    public static ObjectNode of(ScheduleRequest.Schedule s) {
        ScheduleResult r = s.result();
        boolean interruptible = r.job().interruptible();
        ObjectNode root = Json.object();
        root.put("currency", s.currency());
        place(root, r.best(), interruptible);
        place(root.putObject("baseline"), r.baseline(), false);
        Json.num(root, "savings_pct", r.savingsPct());
        Json.num(root, "cost_savings_pct", r.costSavingsPct());
        Json.num(root, "co2e_savings_pct", r.co2eSavingsPct());
        root.put("objective", r.job().objective().name().toLowerCase(Locale.ROOT));
        root.put("interruptible", interruptible);
        Json.num(root, "duration_h", r.job().durationHours());
        Json.num(root, "power_kw", r.job().powerKw());
        root.put("deadline", r.job().deadline().toString());
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        if (s.currencyNote() != null) notes.add(s.currencyNote());
        return root;
    }

    private static void place(ObjectNode o, Placement p, boolean withHours) {
        o.put("start", p.start().toString());
        o.put("region", p.region());
        if (withHours) {
            ArrayNode h = o.putArray("hours");
            p.hours().forEach(x -> h.add(x.toString()));
        }
        Json.num(o, "energy_kwh", p.energyKwh());
        Json.num(o, "cost", p.cost());
        Json.num(o, "co2e_kg", p.co2eKg());
    }
}
