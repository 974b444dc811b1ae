package dev.wattiq.app.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wattiq.ledger.Bill;
import dev.wattiq.planner.fit.Interval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plan's 80% intervals, each from the planner's out-of-sample residual spread: the modelled figures (device-hours, IT
 * energy, J per token) as the planner gives them, and the bill's figures (facility energy, cost, CO2e) with the same
 * relative bounds as the IT energy they bill (the site's PUE, price and intensity are taken as given).
 */
final class PlanIntervals {
    private PlanIntervals() {
    }

    /** Name to interval, in print order: {@code device_hours, energy_kwh_it, energy_kwh_facility, cost, co2e_kg...}. */
    static Map<String, Interval> train(TrainPlan p) {
        return of("device_hours", p.estimate().deviceHoursInterval(), p.estimate().itEnergyInterval(), p.bill(), "");
    }

    static Map<String, Interval> infer(InferPlan p) {
        return of("energy_per_token_j", p.estimate().energyPerTokenInterval(), p.estimate().annualItEnergyInterval(), p.bill(), "annual_");
    }

    /** The modelled figure, the IT energy (J, given in kWh) and the bill's figures scaled as it, their names after {@code prefix}. */
    private static Map<String, Interval> of(String modelled, Interval figure, Interval itJoules, Bill bill, String prefix) {
        Map<String, Interval> m = new LinkedHashMap<>();
        m.put(modelled, figure);
        Interval it = itJoules.times(1 / 3.6e6);
        m.put(prefix + "energy_kwh_it", it);
        billed(m, it, bill, prefix);
        return m;
    }

    private static void billed(Map<String, Interval> m, Interval it, Bill bill, String prefix) {
        m.put(prefix + "energy_kwh_facility", it.scaledTo(bill.facilityEnergyKwh()));
        m.put(prefix + "cost", it.scaledTo(bill.cost().amount()));
        m.put(prefix + "co2e_kg_location", it.scaledTo(bill.co2eLocationKg()));
        m.put(prefix + "co2e_kg_market", it.scaledTo(bill.co2eMarketKg()));
    }

    /** {@code intervals: {name: {p10, p50, p90}}} under {@code root}. */
    static void json(ObjectNode root, Map<String, Interval> intervals) {
        ObjectNode o = root.putObject("intervals");
        for (Map.Entry<String, Interval> e : intervals.entrySet()) {
            ObjectNode i = o.putObject(e.getKey());
            i.put("p10", e.getValue().p10());
            i.put("p50", e.getValue().p50());
            i.put("p90", e.getValue().p90());
        }
    }

    /** {@code  (80%: 3.1e+06 .. 5.6e+06)}, or nothing when the value was given (no spread). */
    static String text(Interval i, double scale) {
        if (i.p10() == i.p90()) return "  (given: no interval)";
        return "  (80%: " + PlanText.num(i.p10() * scale) + " .. " + PlanText.num(i.p90() * scale) + ")";
    }
}
