package dev.wattiq.app.plan;

import dev.wattiq.app.output.BillText;
import dev.wattiq.ledger.Assumption;
import dev.wattiq.ledger.Bill;
import dev.wattiq.planner.fit.Interval;
import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.hardware.HardwareChoice;
import dev.wattiq.planner.infer.InferenceEstimate;
import dev.wattiq.planner.model.ModelArchitecture;
import dev.wattiq.planner.model.ModelCatalog;
import dev.wattiq.planner.train.TrainingEstimate;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Plans as terminal text; the bill's warnings go to {@code err} as {@code wattiq: warning: ...} lines. */
final class PlanText {
    private PlanText() {
    }

    static void train(PrintWriter out, PrintWriter err, TrainPlan p) {
        TrainingEstimate e = p.estimate();
        Bill bill = p.bill();
        Map<String, Interval> iv = PlanIntervals.train(p);
        out.printf(Locale.ROOT, "training plan: %s of %s (%s; tensor %d x pipeline %d)%n", count(e.devices(), "device"),
                p.choice().hardware().id(), count(e.nodes(), "node"), e.tensorParallel(), e.pipelineParallel());
        choice(out, p.choice());
        out.printf(Locale.ROOT, "  FLOPs            %s%n", num(e.flops()));
        out.printf(Locale.ROOT, "  utilisation      %.3f (model FLOPs utilisation, steady state; runs take %.2fx that time)%n",
                e.utilisation(), e.runOverhead());
        out.printf(Locale.ROOT, "  time             %s h (%.1f days)%n", num(e.durationSeconds() / 3600), e.durationSeconds() / 86400);
        out.printf(Locale.ROOT, "  device-hours     %s%s%n", num(e.deviceHours()), PlanIntervals.text(iv.get("device_hours"), 1));
        out.printf(Locale.ROOT, "  device power     %.0f W; per node %.2f kW with host and network%n", e.devicePowerWatts(), e.nodePowerWatts() / 1000);
        out.printf(Locale.ROOT, "  IT energy        %s MWh%s%n", num(e.itEnergyJoules() / 3.6e9), PlanIntervals.text(iv.get("energy_kwh_it"), 1e-3));
        out.printf(Locale.ROOT, "  facility energy  %s MWh%s%n", num(bill.facilityEnergyKwh() / 1000),
                PlanIntervals.text(iv.get("energy_kwh_facility"), 1e-3));
        totals(out, bill, "", iv);
        out.println("scaling out (same run; per-node power, time and IT energy as the device count grows):");
        out.printf(Locale.ROOT, "  %9s %7s %6s %9s %10s %12s %10s%n", "devices", "nodes", "MFU", "node kW", "days", "device-h", "IT MWh");
        for (TrainingEstimate s : p.scaling()) {
            out.printf(Locale.ROOT, "  %9d %7d %6.3f %9.2f %10.1f %12s %10s%n", s.devices(), s.nodes(), s.utilisation(),
                    s.nodePowerWatts() / 1000, s.durationSeconds() / 86400, num(s.deviceHours()), num(s.itEnergyJoules() / 3.6e9));
        }
        assumptions(out, err, bill, e.assumptions());
    }

    static void infer(PrintWriter out, PrintWriter err, InferPlan p) {
        InferenceEstimate e = p.estimate();
        Bill bill = p.bill();
        out.printf(Locale.ROOT, "serving plan: %s on %d x %s per replica%n", p.model().id(), e.devices(), p.choice().hardware().id());
        choice(out, p.choice());
        out.printf(Locale.ROOT, "  decode step      %.2f ms (%s-bound)%n", e.decodeStepSeconds() * 1000, e.decodeBound());
        out.printf(Locale.ROOT, "  prefill          %.2f ms per request%n", e.prefillSecondsPerRequest() * 1000);
        out.printf(Locale.ROOT, "  throughput       %s output tokens/s per replica%n", num(e.tokensPerSecond()));
        Map<String, Interval> iv = PlanIntervals.infer(p);
        out.printf(Locale.ROOT, "  energy/token     %.4g J (devices, prefill included)%s%n", e.energyPerTokenJoules(),
                PlanIntervals.text(iv.get("energy_per_token_j"), 1));
        out.printf(Locale.ROOT, "  energy/request   %.4g Wh (with host)%n", e.energyPerRequestWattHours());
        out.printf(Locale.ROOT, "  device power     %.0f W while decoding%n", e.devicePowerWatts());
        out.printf(Locale.ROOT, "  fleet            %d replicas = %d devices, %.0f%% busy%n", e.replicas(), e.replicas() * e.devices(),
                100 * e.utilisation());
        out.printf(Locale.ROOT, "  annual energy    %s MWh IT, %s MWh facility%s%n", num(e.annualItEnergyJoules() / 3.6e9),
                num(bill.facilityEnergyKwh() / 1000), PlanIntervals.text(iv.get("annual_energy_kwh_facility"), 1e-3));
        totals(out, bill, "annual ", iv);
        assumptions(out, err, bill, e.assumptions());
    }

    /** Cost and CO2e in the plan's own units (tonnes), labelled "cost" or "annual cost", with their intervals. */
    private static void totals(PrintWriter out, Bill bill, String prefix, Map<String, Interval> iv) {
        String key = prefix.isEmpty() ? "" : "annual_";
        out.printf(Locale.ROOT, "  %-16s %s %s%s%n", prefix + "cost", num(bill.cost().amount()), bill.cost().currency(),
                PlanIntervals.text(iv.get(key + "cost"), 1));
        out.printf(Locale.ROOT, "  %-16s %s t location-based, %s t market-based%s%n", prefix + "CO2e",
                num(bill.co2eLocationKg() / 1000), num(bill.co2eMarketKg() / 1000),
                PlanIntervals.text(iv.get(key + "co2e_kg_location"), 1e-3));
    }

    /** An ambiguous hardware name's choice, and where the device's figures are the user's own. */
    private static void choice(PrintWriter out, HardwareChoice c) {
        if (c.isAmbiguous()) out.println("  assumes          " + c.note());
        if (c.hardware().provenance().isUser()) out.println("  hardware         " + c.hardware().id() + ": your figures (" + c.hardware().figuresFrom() + ")");
    }

    /** {@code 64 devices}, {@code 1 node}: a whole count with thousands separators and the noun in the right number. */
    static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** The bill's assumptions, then the planner's, then the bill's warnings on {@code err}. */
    private static void assumptions(PrintWriter out, PrintWriter err, Bill bill, List<Assumption> plan) {
        BillText.assumptionLines(bill).forEach(out::println); // totals are printed above in the plan's own units
        out.println("planner assumptions:");
        for (Assumption a : plan) {
            out.println("  " + a.name() + " = " + a.value() + (a.unit().isEmpty() ? "" : " " + a.unit()) + "  [" + PlanFlags.source(a) + "]");
        }
        for (String w : bill.warnings()) err.println("wattiq: warning: " + w);
    }

    /** The hardware catalogue and/or the published architectures. */
    static void catalogue(PrintWriter out, boolean hardware, boolean models) {
        if (hardware) {
            out.printf(Locale.ROOT, "%-11s %-6s %9s %9s %9s %6s %6s %7s %8s %8s %8s %5s%n", "id", "kind", "fp32 TF", "bf16 TF",
                    "fp8 TF", "TDP W", "idle W", "mem GB", "BW GB/s", "up GB/s", "out GB/s", "node");
            for (Hardware h : HardwareCatalog.shipped().all()) {
                out.printf(Locale.ROOT, "%-11s %-6s %9s %9s %9s %6.0f %6.0f %7.0f %8.0f %8.0f %8.1f %5d%n",
                        h.id(), h.kind(), tera(h.fp32Flops()), tera(h.bf16Flops()), tera(h.fp8Flops()), h.tdpWatts(),
                        h.idleWatts(), h.memoryBytes() / 1e9, h.memoryBandwidthBytesPerSecond() / 1e9,
                        h.scaleUpBytesPerSecond() / 1e9, h.scaleOutBytesPerSecond() / 1e9, h.devicesPerNode());
            }
        }
        if (models) {
            out.printf(Locale.ROOT, "%-22s %10s %10s %7s %12s%n", "id", "params", "active", "layers", "train tokens");
            for (ModelArchitecture m : ModelCatalog.shipped().all()) {
                out.printf(Locale.ROOT, "%-22s %10s %10s %7d %12s%n", m.id(), num(m.params()), num(m.activeParams()), m.layers(),
                        Double.isNaN(m.trainTokens()) ? "-" : num(m.trainTokens()));
            }
        }
    }

    private static String tera(double flops) {
        return Double.isNaN(flops) ? "-" : String.format(Locale.ROOT, "%.1f", flops / 1e12);
    }

    /** Human-scale number: 1.23e+23 style for huge values, grouping for counts. */
    static String num(double v) {
        if (Math.abs(v) >= 1e7 || (Math.abs(v) < 1e-3 && v != 0)) return String.format(Locale.ROOT, "%.3e", v);
        if (Math.abs(v) >= 100) return String.format(Locale.ROOT, "%,.0f", v);
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
