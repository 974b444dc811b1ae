package dev.wattiq.planner.validate;

import dev.wattiq.ledger.Bill;
import dev.wattiq.ledger.EnergyTrace;
import dev.wattiq.ledger.Ledger;
import dev.wattiq.ledger.Site;
import dev.wattiq.planner.PlannerException;
import dev.wattiq.meter.io.Csv;
import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.train.TrainingEstimate;
import dev.wattiq.planner.train.TrainingPlanner;
import dev.wattiq.planner.train.TrainingRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Replays published training runs (training_runs.csv) two ways:
 * <ul>
 *   <li>(a) arithmetic: the row's own device-hours, average power (else TDP), PUE and intensity through the planner's
 *   energy formula and the ledger's bill;</li>
 *   <li>(b) model: only N, N_active, D, hardware and device count (the hardware's reference scale when the row has
 *   none), everything else at the planner's defaults.</li>
 * </ul>
 * Scope follows the row: a figure stated without PUE is billed at PUE 1; host and network overhead is counted only
 * where the published power is a system figure (chip + host), since most published energies count devices alone.
 */
public final class TrainingValidation {
    private TrainingValidation() {
    }

    public static List<Comparison> run(List<Csv.Row> rows, TrainingPlanner planner, HardwareCatalog catalog) {
        List<Comparison> out = new ArrayList<>();
        for (Csv.Row r : rows) {
            String name = r.text("model");
            String scope = r.text("energy_scope").toLowerCase(Locale.ROOT);
            double pue = scope.contains("no pue") || scope.contains("without pue") || Double.isNaN(Numbers.first(r, "pue"))
                    ? 1.0 : Numbers.first(r, "pue");
            double ci = Numbers.first(r, "carbon_intensity_kgco2e_per_kwh");
            double hours = Numbers.first(r, "device_hours");
            double devicesCell = Numbers.first(r, "num_devices");
            double power = Double.isNaN(Numbers.first(r, "avg_power_w")) ? Numbers.last(r, "device_tdp_w")
                    : Numbers.first(r, "avg_power_w");
            double energyMwh = Numbers.first(r, "energy_mwh");
            double tco2e = Numbers.first(r, "tco2e_reported");
            String pueNote = "PUE " + pue + (Double.isNaN(ci) ? "" : ", " + ci + " kgCO2e/kWh");
            boolean composite = scope.contains("+ idle"); // dynamic + idle + embodied: not one power figure
            // (a) arithmetic from published device-hours and power.
            if (hours > 0 && power > 0 && !composite) {
                double devices = devicesCell > 0 ? devicesCell : 1;
                double itJ = TrainingPlanner.itEnergyJoules(hours, power, 0);
                Bill bill = bill(itJ, hours * 3600 / devices, pue, ci);
                addEnergyAndCarbon(out, name, "a", bill, energyMwh, ci, tco2e,
                        "published device-hours x " + power + " W; " + pueNote);
            }
            // (b) model from N, D, hardware and device count.
            double params = Numbers.first(r, "params_billion") * 1e9;
            double active = Numbers.first(r, "active_params_billion") * 1e9;
            double tokens = Numbers.first(r, "tokens_billion") * 1e9;
            String hwName = r.text("hardware");
            if (!(params > 0 && active > 0 && tokens > 0) || hwName.isBlank()) continue;
            try {
                Hardware hw = catalog.find(hwName.replaceAll("\\s*\\(.*\\)", ""));
                boolean system = scope.contains("system") || scope.contains("host");
                int devices = devicesCell > 0 ? (int) devicesCell : (int) hw.trainMfuDevices();
                TrainingRequest q = new TrainingRequest(params, active, tokens, hw, devices, null, null,
                        system ? null : 0.0, null, 1, 1, dev.wattiq.planner.hardware.Precision.BF16, false, null);
                TrainingEstimate e = planner.estimate(q);
                String note = (devicesCell > 0 ? "" : "devices not published: " + devices + " (reference scale); ")
                        + "u=" + String.format("%.3f", e.utilisation()) + ", " + String.format("%.0f", e.devicePowerWatts())
                        + " W/device" + (system ? " + host " + planner.defaultHostOverhead() : "") + "; " + pueNote;
                if (hours > 0) out.add(new Comparison(name, "b", "device_hours", e.deviceHours(), hours, note));
                if (!composite) {
                    Bill bill = bill(e.itEnergyJoules(), e.durationSeconds(), pue, ci);
                    addEnergyAndCarbon(out, name, "b", bill, energyMwh, ci, tco2e, note);
                }
            } catch (PlannerException ex) {
                out.add(new Comparison(name, "b", "device_hours", Double.NaN, hours, "skipped: " + ex.getMessage()));
            }
        }
        return out;
    }

    private static void addEnergyAndCarbon(List<Comparison> out, String name, String mode, Bill bill, double energyMwh,
                                           double ci, double tco2e, String note) {
        if (energyMwh > 0) out.add(new Comparison(name, mode, "energy_mwh", bill.facilityEnergyKwh() / 1000, energyMwh, note));
        if (ci > 0 && tco2e > 0) out.add(new Comparison(name, mode, "tco2e", bill.co2eLocationKg() / 1000, tco2e, note));
    }

    /** The ledger's bill at the row's PUE and intensity (kgCO2e/kWh; NaN = the ledger's default). */
    static Bill bill(double itJoules, double seconds, double pue, double ciKgPerKwh) {
        Site.Builder site = Site.builder().pue(pue, "published row");
        if (ciKgPerKwh > 0) site.gridIntensity(ciKgPerKwh * 1000, "published row");
        return Ledger.bill(EnergyTrace.of(Instant.EPOCH, Math.max(seconds, 1), itJoules), site.build());
    }

    /** The shipped copy of training_runs.csv. */
    public static List<Csv.Row> shippedRows() {
        return Csv.resource(TrainingValidation.class, "/dev/wattiq/planner/validation/training_runs.csv").rows();
    }
}
