package dev.wattiq.app.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wattiq.app.output.BillJson;
import dev.wattiq.app.output.Json;
import dev.wattiq.ledger.Assumption;
import dev.wattiq.ledger.Bill;
import dev.wattiq.planner.hardware.HardwareChoice;
import dev.wattiq.planner.infer.InferenceEstimate;
import dev.wattiq.planner.train.TrainingEstimate;
import java.util.List;

/** Plans as JSON: what {@code --json-out} writes and {@code POST /api/plan/train|infer} answers, one shape by construction. */
public final class PlanJson {
    private PlanJson() {
    }

    public static ObjectNode train(TrainPlan p) {
        TrainingEstimate e = p.estimate();
        ObjectNode root = Json.object();
        hardware(root, p.choice());
        root.put("flops", e.flops());
        root.put("devices", e.devices());
        root.put("nodes", e.nodes());
        root.put("tensor_parallel", e.tensorParallel());
        root.put("pipeline_parallel", e.pipelineParallel());
        root.put("utilisation", e.utilisation());
        root.put("run_overhead", e.runOverhead());
        root.put("device_hours", e.deviceHours());
        root.put("duration_h", e.durationSeconds() / 3600);
        root.put("device_power_w", e.devicePowerWatts());
        root.put("node_power_w", e.nodePowerWatts());
        ObjectNode energy = root.putObject("energy_kwh");
        energy.put("it", e.itEnergyJoules() / 3.6e6);
        energy.put("facility", p.bill().facilityEnergyKwh());
        PlanIntervals.json(root, PlanIntervals.train(p));
        bill(root, p.bill(), e.assumptions());
        ArrayNode rows = root.putArray("scaling");
        for (TrainingEstimate s : p.scaling()) {
            ObjectNode r = rows.addObject();
            r.put("devices", s.devices());
            r.put("utilisation", s.utilisation());
            r.put("node_power_w", s.nodePowerWatts());
            r.put("duration_h", s.durationSeconds() / 3600);
            r.put("device_hours", s.deviceHours());
            r.put("energy_kwh_it", s.itEnergyJoules() / 3.6e6);
        }
        return root;
    }

    public static ObjectNode infer(InferPlan p) {
        InferenceEstimate e = p.estimate();
        ObjectNode root = Json.object();
        hardware(root, p.choice());
        root.put("energy_per_token_j", e.energyPerTokenJoules());
        root.put("energy_per_request_wh", e.energyPerRequestWattHours());
        root.put("tokens_per_s", e.tokensPerSecond());
        root.put("devices", e.devices() * e.replicas());
        root.put("devices_per_replica", e.devices());
        root.put("replicas", e.replicas());
        root.put("decode_step_s", e.decodeStepSeconds());
        root.put("decode_bound", e.decodeBound());
        root.put("prefill_s", e.prefillSecondsPerRequest());
        root.put("device_power_w", e.devicePowerWatts());
        root.put("annual_energy_kwh", p.bill().facilityEnergyKwh());
        root.put("annual_it_energy_kwh", e.annualItEnergyJoules() / 3.6e6);
        PlanIntervals.json(root, PlanIntervals.infer(p));
        bill(root, p.bill(), e.assumptions());
        return root;
    }

    /** The device planned; with {@code hardware_note} when the name given also fits others, and whose figures they are. */
    private static void hardware(ObjectNode root, HardwareChoice c) {
        root.put("hardware", c.hardware().id());
        root.put("hardware_figures", c.hardware().provenance().isUser() ? "user" : "catalogue");
        if (c.isAmbiguous()) {
            root.put("hardware_note", c.note());
            ArrayNode alt = root.putArray("hardware_alternatives");
            c.alternatives().forEach(alt::add);
        }
    }

    /** The bill's fields, with the plan's assumptions after the bill's. */
    private static void bill(ObjectNode root, Bill bill, List<Assumption> plan) {
        BillJson.write(bill, root);
        ArrayNode as = (ArrayNode) root.get("assumptions");
        for (Assumption a : plan) BillJson.add(as, a);
    }
}
