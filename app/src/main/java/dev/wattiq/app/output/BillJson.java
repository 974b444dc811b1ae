package dev.wattiq.app.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wattiq.ledger.Assumption;
import dev.wattiq.ledger.Bill;
import dev.wattiq.ledger.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Writes a {@link Bill} into a run's JSON object with the contract's keys, and reads it back:
 * <pre>
 *   "facility_energy_j": 1.2e6,
 *   "cost": {"amount": 0.027, "currency": "USD", "energy_charge": 0.027, "demand_charge": 0},
 *   "co2e_kg": {"location_based": 0.16, "market_based": 0.16, "embodied": 0.001},   (embodied only when asked)
 *   "peak_facility_power_w": 410.5,
 *   "assumptions": [{"name": "pue", "value": 1.56, "unit": "ratio", "source": "...", "default": true,
 *                    "provenance": "default" | "user" | "pue.csv:4"}, ...],
 *   "bill_warnings": ["..."]
 * </pre>
 */
public final class BillJson {
    private BillJson() {
    }

    /** Adds the bill's fields to {@code into} and returns it. */
    public static ObjectNode write(Bill bill, ObjectNode into) {
        into.put("facility_energy_j", bill.facilityEnergyJoules());
        ObjectNode cost = into.putObject("cost");
        cost.put("amount", bill.cost().amount());
        cost.put("currency", bill.cost().currency());
        cost.put("energy_charge", bill.energyCharge());
        cost.put("demand_charge", bill.demandCharge());
        ObjectNode co2e = into.putObject("co2e_kg");
        co2e.put("location_based", bill.co2eLocationKg());
        co2e.put("market_based", bill.co2eMarketKg());
        bill.co2eEmbodiedKg().ifPresent(e -> co2e.put("embodied", e));
        into.put("peak_facility_power_w", bill.peakFacilityPowerWatts());
        ArrayNode as = into.putArray("assumptions");
        for (Assumption a : bill.assumptions()) add(as, a);
        ArrayNode w = into.putArray("bill_warnings");
        bill.warnings().forEach(w::add);
        return into;
    }

    /** Appends one assumption (a bill's or a plan's: one type, one shape) to {@code as}. */
    public static void add(ArrayNode as, Assumption a) {
        ObjectNode o = as.addObject();
        o.put("name", a.name());
        putValue(o, a.value());
        o.put("unit", a.unit());
        o.put("source", a.source());
        o.put("default", a.isDefault());
        o.put("provenance", a.provenance().toString());
    }

    /** Reads a bill written by {@link #write}; IT energy is taken from {@code energy_j.total} when present. */
    public static Bill read(JsonNode n) {
        JsonNode cost = n.path("cost"), co2e = n.path("co2e_kg");
        List<Assumption> as = new ArrayList<>();
        for (JsonNode a : n.path("assumptions")) {
            as.add(new Assumption(a.path("name").asText(), a.path("value").asText(), a.path("unit").asText(), a.path("source").asText(), a.path("default").asBoolean()));
        }
        List<String> warnings = new ArrayList<>();
        n.path("bill_warnings").forEach(x -> warnings.add(x.asText()));
        OptionalDouble embodied = co2e.has("embodied") ? OptionalDouble.of(co2e.get("embodied").asDouble()) : OptionalDouble.empty();
        return new Bill(n.path("energy_j").path("total").asDouble(Double.NaN), n.path("facility_energy_j").asDouble(),
                new Money(cost.path("amount").asDouble(), cost.path("currency").asText()),
                cost.path("energy_charge").asDouble(cost.path("amount").asDouble()), cost.path("demand_charge").asDouble(),
                n.path("peak_facility_power_w").asDouble(Double.NaN),
                co2e.path("location_based").asDouble(), co2e.path("market_based").asDouble(), embodied, as, warnings);
    }

    private static void putValue(ObjectNode o, String value) {
        try {
            double d = Double.parseDouble(value);
            if (Double.isFinite(d) && !value.isBlank() && Character.isDigit(value.charAt(value.length() - 1))) {
                o.put("value", d);
                return;
            }
        } catch (NumberFormatException e) {
            // text value
        }
        o.put("value", value);
    }
}
