package dev.wattiq.app.tune;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wattiq.app.output.Json;
import dev.wattiq.ledger.Bill;
import dev.wattiq.planner.llm.LlmBudget;
import dev.wattiq.planner.llm.LlmSizer;
import dev.wattiq.planner.llm.ScalingLaw;
import java.util.Locale;

/** An LLM sizing as JSON (what {@code tune llm --json-out} writes). */
final class LlmJson {
    private LlmJson() {
    }

    static ObjectNode of(LlmSizing s) {
        LlmSizer.Rule r = s.rule();
        LlmBudget.Kind kind = s.request().kind();
        ObjectNode root = Json.object();
        root.put("rule", r.name().toLowerCase(Locale.ROOT));
        root.putObject("budget").put("kind", kind.name().toLowerCase(Locale.ROOT)).put("amount", s.request().amount()).put("unit", kind.unit());
        plan(s.plan(), root);
        ScalingLaw law = r.law();
        ArrayNode as = root.putArray("assumptions");
        as.addObject().put("name", "scaling_law").put("value", law.id()).put("source", law.source());
        as.addObject().put("name", "allocation").put("value", r == LlmSizer.Rule.CHINCHILLA
                ? "Approach 1: " + law.tokensPerParam() + " tokens per parameter" : "argmin L(N, D) subject to 6ND = C")
                .put("source", law.source());
        as.addObject().put("name", "train_flops").put("value", "6 N D").put("source", "Kaplan et al. 2020; Hoffmann et al. 2022");
        for (dev.wattiq.ledger.Assumption a : s.plan().training().assumptions()) dev.wattiq.app.output.BillJson.add(as, a);
        for (dev.wattiq.ledger.Assumption a : s.plan().bill().assumptions()) dev.wattiq.app.output.BillJson.add(as, a);
        if (s.served() != null) {
            LlmSizer.Allocation base = s.plan().allocation();
            LlmSizer.Allocation served = s.served().allocation();
            ObjectNode ia = root.putObject("inference_aware");
            ia.put("inference_tokens", s.request().inferenceTokens());
            plan(s.served(), ia);
            Json.num(ia, "params_change_pct", (served.params() / base.params() - 1) * 100);
            Json.num(ia, "tokens_change_pct", (served.tokens() / base.tokens() - 1) * 100);
            Json.num(ia, "train_flops_change_pct", (served.trainFlops() / base.trainFlops() - 1) * 100);
            Json.num(ia, "lifetime_flops", s.servedLifetimeFlops());
            Json.num(ia, "lifetime_flops_compute_optimal", s.baseLifetimeFlops());
            Json.num(ia, "lifetime_flops_saved_pct", (1 - s.servedLifetimeFlops() / s.baseLifetimeFlops()) * 100);
            ia.put("method", "same predicted loss as the compute-optimal model; minimise 6ND + 2N*T (Sardana et al. 2024)");
            Json.num(ia, "zero_inference_params", s.zeroInference().params());
            Json.num(ia, "zero_inference_tokens", s.zeroInference().tokens());
        }
        return root;
    }

    private static void plan(LlmBudget.Plan p, ObjectNode o) {
        LlmSizer.Allocation a = p.allocation();
        Bill bill = p.bill();
        Json.num(o, "params", a.params());
        Json.num(o, "tokens", a.tokens());
        Json.num(o, "tokens_per_param", a.tokensPerParam());
        Json.num(o, "flops", a.trainFlops());
        Json.num(o, "predicted_loss", a.predictedLoss());
        o.put("devices", p.training().devices());
        Json.num(o, "duration_s", p.training().durationSeconds());
        Json.num(o, "it_energy_kwh", bill.itEnergyJoules() / Bill.JOULES_PER_KWH);
        Json.num(o, "energy_kwh", bill.facilityEnergyKwh());
        ObjectNode cost = o.putObject("cost");
        Json.num(cost, "amount", bill.cost().amount());
        cost.put("currency", bill.cost().currency());
        ObjectNode co2 = o.putObject("co2e_kg");
        Json.num(co2, "location_based", bill.co2eLocationKg());
        Json.num(co2, "market_based", bill.co2eMarketKg());
    }
}
