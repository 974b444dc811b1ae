package dev.wattiq.app.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wattiq.app.output.BillJson;
import dev.wattiq.app.output.Json;
import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.RunRecord.DeviceEnergy;
import dev.wattiq.app.store.RunWindow;
import dev.wattiq.meter.control.Work;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of a run (the {@code --json-out} contract): snake_case keys, units as suffixes, unknown numbers null.
 * Jackson is loaded only when JSON is asked for.
 */
public final class RunJson {
    private static final ObjectMapper MAPPER = Json.MAPPER;

    private RunJson() {
    }

    /** The full object for one run. */
    public static ObjectNode full(RunRecord r) {
        ObjectNode o = brief(r);
        o.put("interval_s", r.intervalSeconds());
        o.put("host", r.host());
        ArrayNode devices = o.putArray("devices");
        for (DeviceEnergy d : r.devices()) {
            ObjectNode n = devices.addObject();
            n.put("component", d.component());
            n.put("device", d.device());
            number(n, "energy_j", d.energyJoules());
            number(n, "device_energy_j", d.deviceEnergyJoules());
            n.put("method", d.method());
            if (d.name() != null) n.put("name", d.name());
            if (d.uuid() != null) n.put("uuid", d.uuid());
        }
        wall(r, o);
        ArrayNode windows = o.putArray("windows");
        for (RunWindow w : r.windows()) window(windows.addObject(), w);
        ArrayNode notes = o.putArray("notes");
        r.notes().forEach(notes::add);
        if (r.bill() != null) {
            BillJson.write(r.bill(), o); // facility_energy_j, cost, co2e_kg, peak_facility_power_w, assumptions, bill_warnings
        } else {
            o.putNull("facility_energy_j");
            o.putNull("cost");
            ObjectNode co2 = o.putObject("co2e_kg");
            co2.putNull("location_based");
            co2.putNull("market_based");
            o.putArray("assumptions");
        }
        // The meter's model inputs join the ledger's in one list, marked by their source.
        ArrayNode assumptions = (ArrayNode) o.get("assumptions");
        int at = 0;
        for (Map.Entry<String, String> a : r.assumptions().entrySet()) {
            ObjectNode n = MAPPER.createObjectNode();
            n.put("name", a.getKey());
            n.put("value", a.getValue());
            n.put("source", "meter");
            assumptions.insert(at++, n);
        }
        return o;
    }

    /**
     * With a wall source: in machine scope {@code energy_j.wall} and {@code energy_j.other} (= wall - components, never
     * added into {@code energy_j.total}); in every scope a {@code wall} object with the split, whole machine.
     */
    static void wall(RunRecord r, ObjectNode o) {
        java.util.OptionalDouble w = r.wallJoules();
        if (w.isEmpty()) return;
        double components = r.componentsDeviceJoules(null);
        double other = w.getAsDouble() - components;
        if ("machine".equals(r.scope())) {
            ObjectNode energy = (ObjectNode) o.get("energy_j");
            number(energy, "wall", w.getAsDouble());
            number(energy, "other", other);
        }
        ObjectNode n = o.putObject("wall");
        n.put("scope", "machine");
        number(n, "energy_j", w.getAsDouble());
        number(n, "components_energy_j", components);
        number(n, "other_energy_j", other);
        number(n, "missed_share", w.getAsDouble() > 0 ? other / w.getAsDouble() : Double.NaN);
        number(n, "power_w_avg", r.durationSeconds() > 0 ? w.getAsDouble() / r.durationSeconds() : Double.NaN);
        double gpu = r.componentsDeviceJoules("gpu");
        number(n, "host_overhead_fraction", dev.wattiq.meter.Reconciliation.hostOverheadFraction(w.getAsDouble(), gpu));
        String method = null;
        ArrayNode sources = n.putArray("sources");
        for (DeviceEnergy d : r.devices()) {
            if (!d.isWall()) continue;
            sources.add(d.device());
            method = method == null || method.equals(d.method()) ? d.method() : "mixed";
        }
        n.put("method", method);
        n.put("source", r.assumptions().get("wall_source"));
    }

    /** The fields {@code wattiq runs --json} and {@code GET /api/runs} list: what ran (command, job, labels), how it went, what it cost. */
    public static ObjectNode brief(RunRecord r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("run_id", r.runId());
        ArrayNode cmd = o.putArray("command");
        r.command().forEach(cmd::add);
        if (r.exitCode() == null) o.putNull("exit_code"); else o.put("exit_code", r.exitCode());
        o.put("status", r.status());
        o.put("started_at", instant(r.startedAt()));
        o.put("ended_at", instant(r.endedAt()));
        number(o, "duration_s", r.durationSeconds());
        energy(o, r.totalJoules(), r.joulesByComponent());
        o.put("method", r.method());
        ObjectNode power = o.putObject("power_w");
        number(power, "avg", r.avgPowerWatts());
        number(power, "peak", r.peakPowerWatts());
        number(o, "idle_power_w", r.idlePowerWatts());
        o.put("samples", r.samples());
        o.put("scope", r.scope());
        o.put("job", r.job());
        o.set("labels", strings(r.labels()));
        List<String> tooShort = r.tooShort();
        o.put("too_short", !tooShort.isEmpty()); // a figure could not be charged: why, below; never priced downstream
        ArrayNode why = o.putArray("too_short_reasons");
        tooShort.forEach(why::add);
        // What the run cost: the full bill (every assumption) is in the full object; a list carries the figures.
        ObjectNode co2e = MAPPER.createObjectNode();
        if (r.bill() == null) { // as the full object says it
            o.putNull("facility_energy_j");
            o.putNull("cost");
            co2e.putNull("location_based");
            co2e.putNull("market_based");
        } else {
            number(o, "facility_energy_j", r.bill().facilityEnergyJoules());
            ObjectNode cost = o.putObject("cost");
            number(cost, "amount", r.bill().cost().amount());
            cost.put("currency", r.bill().cost().currency());
            number(co2e, "location_based", r.bill().co2eLocationKg());
            number(co2e, "market_based", r.bill().co2eMarketKg());
        }
        o.set("co2e_kg", co2e);
        work(o, r.work(), r.totalJoules());
        return o;
    }

    /** {@code energy_j: {total, by_component: {name: J}}}. */
    private static void energy(ObjectNode n, double total, Map<String, Double> byComponent) {
        ObjectNode energy = n.putObject("energy_j");
        number(energy, "total", total);
        ObjectNode by = energy.putObject("by_component");
        for (Map.Entry<String, Double> e : byComponent.entrySet()) number(by, e.getKey(), e.getValue());
    }

    /** One window of {@code windows[]}: name, start_s, duration_s, energy_j, method, and the work counted inside it. */
    static void window(ObjectNode n, RunWindow w) {
        n.put("name", w.name());
        number(n, "start_s", w.startSeconds());
        number(n, "duration_s", w.durationSeconds());
        energy(n, w.totalJoules(), w.joulesByComponent());
        n.put("method", w.method());
        work(n, w.work(), w.totalJoules());
        if (!w.notes().isEmpty()) {
            ArrayNode notes = n.putArray("notes");
            w.notes().forEach(notes::add);
        }
    }

    /** {@code work.steps|samples|tokens} and {@code energy_per.step_j|sample_j|token_j} (null where nothing was counted). */
    private static void work(ObjectNode o, Work work, double joules) {
        ObjectNode k = o.putObject("work");
        k.put("steps", work.steps());
        k.put("samples", work.samples());
        k.put("tokens", work.tokens());
        ObjectNode per = o.putObject("energy_per");
        number(per, "step_j", RunRecord.per(joules, work.steps()));
        number(per, "sample_j", RunRecord.per(joules, work.samples()));
        number(per, "token_j", RunRecord.per(joules, work.tokens()));
    }

    /** A JSON array of brief objects. */
    public static ArrayNode list(List<RunRecord> runs) {
        ArrayNode a = MAPPER.createArrayNode();
        for (RunRecord r : runs) a.add(brief(r));
        return a;
    }

    private static ObjectNode strings(Map<String, String> m) {
        ObjectNode n = MAPPER.createObjectNode();
        m.forEach(n::put);
        return n;
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v); else o.putNull(key);
    }

    private static String instant(Instant t) {
        return t == null ? null : t.toString();
    }
}
