package dev.wattiq.app.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.cli.HumanNumber;
import dev.wattiq.app.cli.SiteOptions;
import dev.wattiq.app.output.BillText;
import dev.wattiq.ledger.Bill;
import dev.wattiq.ledger.EnergyTrace;
import dev.wattiq.ledger.Ledger;
import dev.wattiq.planner.Assumption;
import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.hardware.Precision;
import dev.wattiq.planner.model.ModelArchitecture;
import dev.wattiq.planner.model.ModelCatalog;
import dev.wattiq.planner.train.TrainingEstimate;
import dev.wattiq.planner.train.TrainingPlanner;
import dev.wattiq.planner.train.TrainingRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wattiq plan train}: time, device-hours, energy, cost and CO2e of a training run, and how it scales. */
@Command(name = "train", modelTransformer = CliOptions.SharedGroups.class, mixinStandardHelpOptions = true,
        description = "Budget a training run: FLOPs = 6·N·D, devices x peak x MFU, device power, host overhead, PUE, the ledger's bill.")
public final class PlanTrainCommand implements Callable<Integer>, SiteOptions.Holder {
    @Override
    public SiteOptions siteOptions() {
        return site;
    }

    @Option(names = "--model", paramLabel = "NAME", description = "Published architecture from models.csv (e.g. llama-2-70b); sets --params, --active-params and --tokens unless given.")
    String model;
    @Option(names = "--params", paramLabel = "N", converter = HumanNumber.class, description = "Total parameters, e.g. 70B or 70e9.")
    Double params;
    @Option(names = "--active-params", paramLabel = "A", converter = HumanNumber.class, description = "Parameters active per token (MoE); default = --params.")
    Double activeParams;
    @Option(names = "--tokens", paramLabel = "D", converter = HumanNumber.class, description = "Training tokens, e.g. 15T.")
    Double tokens;
    @Option(names = "--hardware", paramLabel = "H", description = "Device from the catalogue (case-insensitive), e.g. H100-SXM, A100-80GB, TPUv4.")
    String hardware;
    @Option(names = "--devices", paramLabel = "K", converter = HumanNumber.class, description = "Device count (default: the fewest whole nodes holding the training state).")
    Double devices;
    @Option(names = "--device-hours", paramLabel = "X", converter = HumanNumber.class, description = "Known device-hours: replaces the time model.")
    Double deviceHours;
    @Option(names = "--device-power", paramLabel = "W", converter = HumanNumber.class, description = "Average watts per device: replaces the power model.")
    Double devicePower;
    @Option(names = "--host-overhead", paramLabel = "F", description = "Host and network power as a fraction of device power (0 = devices only, as most published figures; default 0.21).")
    Double hostOverhead;
    @Option(names = "--mfu", paramLabel = "U", description = "Achieved model FLOPs utilisation in (0, 1]: replaces the utilisation model.")
    Double mfu;
    @Option(names = "--tp", paramLabel = "T", defaultValue = "1", description = "Tensor-parallel degree (default 1).")
    int tensorParallel;
    @Option(names = "--pp", paramLabel = "P", defaultValue = "1", description = "Pipeline-parallel degree (default 1); the bubble lowers utilisation.")
    int pipelineParallel;
    @Option(names = "--precision", paramLabel = "P", defaultValue = "bf16", description = "Arithmetic precision: fp32, tf32, bf16, fp8, int8 (default bf16).")
    String precision;
    @Option(names = "--recompute", description = "Full activation recomputation: 8·N·D instead of 6·N·D.")
    boolean recompute;
    @Option(names = "--start", paramLabel = "TIME", description = "Run start (ISO-8601 instant) for time-dependent tariffs and carbon series; default now.")
    Instant start;
    @Option(names = "--json-out", paramLabel = "FILE", description = "Also write the estimate as JSON.")
    Path jsonOut;
    @Option(names = "--list-hardware", description = "List the hardware catalogue and exit.")
    boolean listHardware;
    @Option(names = "--list-models", description = "List the published architectures and exit.")
    boolean listModels;
    @Option(names = "--embodied", description = "Add the devices' manufacturing CO2e (hardware.csv, where published), amortised over a 4-year life.")
    boolean embodied;
    final SiteOptions site = new SiteOptions();
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return PlanOutput.guarded(this::plan);
    }

    private int plan() {
        PrintWriter out = spec.commandLine().getOut();
        if (listHardware || listModels) return list(out);
        if (hardware == null) throw new Errors.UserError("no hardware given: add --hardware, e.g. --hardware H100-SXM (see --list-hardware)");
        Hardware hw = HardwareCatalog.shipped().find(hardware);
        ModelArchitecture arch = model == null ? null : ModelCatalog.shipped().find(model);
        Double n = params != null ? params : arch != null ? arch.params() : null;
        Double a = activeParams != null ? activeParams : arch != null && params == null ? arch.activeParams() : null;
        Double d = tokens != null ? tokens : arch != null && !Double.isNaN(arch.trainTokens()) ? arch.trainTokens() : null;
        if (n == null) throw new Errors.UserError("no model size: give --params N (e.g. 70B) or --model NAME");
        if (d == null) throw new Errors.UserError("no token count: give --tokens D (e.g. 15T)");
        Integer k = devices == null ? null : checkedCount(devices);
        TrainingRequest req = new TrainingRequest(n, a, d, hw, k, deviceHours, devicePower, hostOverhead, mfu,
                tensorParallel, pipelineParallel, Precision.parse(precision), recompute, arch == null ? null : arch.id());
        TrainingPlanner planner = TrainingPlanner.shipped();
        TrainingEstimate e = planner.estimate(req);
        Instant t0 = start != null ? start : Instant.now();
        dev.wattiq.ledger.Site where = embodied ? PlanOutput.withEmbodied(site.site(), hw, e.devices()) : site.site();
        Bill bill = Ledger.bill(EnergyTrace.of(t0, e.durationSeconds(), e.itEnergyJoules()), where);
        List<TrainingEstimate> scaling = planner.scaling(req, TrainingPlanner.doublings(e.devices()));
        print(out, hw, e, bill, scaling);
        if (jsonOut != null) PlanOutput.writeJson(jsonOut, json(e, bill, scaling));
        return 0;
    }

    static int checkedCount(double v) {
        if (!(v >= 1) || v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw new Errors.UserError("--devices must be a whole number >= 1, got " + v + ": give e.g. --devices 2048");
        }
        return (int) v;
    }

    private void print(PrintWriter out, Hardware hw, TrainingEstimate e, Bill bill, List<TrainingEstimate> scaling) {
        out.printf(Locale.ROOT, "training plan: %s devices of %s (%d nodes)%n", PlanOutput.num(e.devices()), hw.id(), e.nodes());
        out.printf(Locale.ROOT, "  FLOPs            %s%n", PlanOutput.num(e.flops()));
        out.printf(Locale.ROOT, "  utilisation      %.3f (model FLOPs utilisation)%n", e.utilisation());
        out.printf(Locale.ROOT, "  time             %s h (%.1f days)%n", PlanOutput.num(e.durationSeconds() / 3600), e.durationSeconds() / 86400);
        out.printf(Locale.ROOT, "  device-hours     %s%n", PlanOutput.num(e.deviceHours()));
        out.printf(Locale.ROOT, "  device power     %.0f W; per node %.2f kW with host and network%n", e.devicePowerWatts(), e.nodePowerWatts() / 1000);
        out.printf(Locale.ROOT, "  IT energy        %s MWh%n", PlanOutput.num(e.itEnergyJoules() / 3.6e9));
        out.printf(Locale.ROOT, "  facility energy  %s MWh%n", PlanOutput.num(bill.facilityEnergyKwh() / 1000));
        out.printf(Locale.ROOT, "  cost             %s %s%n", PlanOutput.num(bill.cost().amount()), bill.cost().currency());
        out.printf(Locale.ROOT, "  CO2e             %s t location-based, %s t market-based%n",
                PlanOutput.num(bill.co2eLocationKg() / 1000), PlanOutput.num(bill.co2eMarketKg() / 1000));
        out.println("scaling out (same run; per-node power, time and IT energy as the device count grows):");
        out.printf(Locale.ROOT, "  %9s %7s %6s %9s %10s %12s %10s%n", "devices", "nodes", "MFU", "node kW", "days", "device-h", "IT MWh");
        for (TrainingEstimate s : scaling) {
            out.printf(Locale.ROOT, "  %9d %7d %6.3f %9.2f %10.1f %12s %10s%n", s.devices(), s.nodes(), s.utilisation(),
                    s.nodePowerWatts() / 1000, s.durationSeconds() / 86400, PlanOutput.num(s.deviceHours()),
                    PlanOutput.num(s.itEnergyJoules() / 3.6e9));
        }
        BillText.assumptionLines(bill).forEach(out::println); // totals are printed above in the plan's own units
        PlanOutput.printAssumptions(out, e.assumptions());
        for (String w : bill.warnings()) spec.commandLine().getErr().println("wattiq: warning: " + w);
    }

    private ObjectNode json(TrainingEstimate e, Bill bill, List<TrainingEstimate> scaling) {
        ObjectNode root = PlanOutput.JSON.createObjectNode();
        root.put("flops", e.flops());
        root.put("devices", e.devices());
        root.put("nodes", e.nodes());
        root.put("utilisation", e.utilisation());
        root.put("device_hours", e.deviceHours());
        root.put("duration_h", e.durationSeconds() / 3600);
        root.put("device_power_w", e.devicePowerWatts());
        root.put("node_power_w", e.nodePowerWatts());
        ObjectNode energy = root.putObject("energy_kwh");
        energy.put("it", e.itEnergyJoules() / 3.6e6);
        energy.put("facility", bill.facilityEnergyKwh());
        PlanOutput.writeBill(root, bill, e.assumptions());
        ArrayNode rows = root.putArray("scaling");
        for (TrainingEstimate s : scaling) {
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

    private static String tera(double flops) {
        return Double.isNaN(flops) ? "-" : String.format(Locale.ROOT, "%.1f", flops / 1e12);
    }

    private int list(PrintWriter out) {
        if (listHardware) {
            out.printf(Locale.ROOT, "%-11s %-6s %9s %9s %9s %6s %6s %7s %8s  %s%n", "id", "kind", "fp32 TF", "bf16 TF",
                    "fp8 TF", "TDP W", "idle W", "mem GB", "BW GB/s", "reference MFU");
            for (Hardware h : HardwareCatalog.shipped().all()) {
                out.printf(Locale.ROOT, "%-11s %-6s %9s %9s %9s %6.0f %6.0f %7.0f %8.0f  %.3f at %,d devices%n",
                        h.id(), h.kind(), tera(h.fp32Flops()), tera(h.bf16Flops()), tera(h.fp8Flops()), h.tdpWatts(),
                        h.idleWatts(), h.memoryBytes() / 1e9, h.memoryBandwidthBytesPerSecond() / 1e9, h.trainMfu(),
                        (long) h.trainMfuDevices());
            }
        }
        if (listModels) {
            out.printf(Locale.ROOT, "%-22s %10s %10s %7s %12s%n", "id", "params", "active", "layers", "train tokens");
            for (ModelArchitecture m : ModelCatalog.shipped().all()) {
                out.printf(Locale.ROOT, "%-22s %10s %10s %7d %12s%n", m.id(), PlanOutput.num(m.params()),
                        PlanOutput.num(m.activeParams()), m.layers(), Double.isNaN(m.trainTokens()) ? "-" : PlanOutput.num(m.trainTokens()));
            }
        }
        return 0;
    }
}
