package dev.wattiq.app.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.cli.HumanNumber;
import dev.wattiq.app.cli.SiteOptions;
import dev.wattiq.app.output.BillText;
import dev.wattiq.ledger.Bill;
import dev.wattiq.ledger.EnergyTrace;
import dev.wattiq.ledger.Ledger;
import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.hardware.Precision;
import dev.wattiq.planner.infer.InferenceEstimate;
import dev.wattiq.planner.infer.InferencePlanner;
import dev.wattiq.planner.infer.InferenceRequest;
import dev.wattiq.planner.model.ModelArchitecture;
import dev.wattiq.planner.model.ModelCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wattiq plan infer}: energy per token and request, devices for a demand, and a year of serving. */
@Command(name = "infer", modelTransformer = CliOptions.SharedGroups.class, mixinStandardHelpOptions = true,
        description = "Budget serving: prefill and decode separately, memory- or compute-bound decode, KV cache, devices for the demand, a year's energy, cost and CO2e.")
public final class PlanInferCommand implements Callable<Integer>, SiteOptions.Holder {
    @Override
    public SiteOptions siteOptions() {
        return site;
    }

    @Option(names = "--model", paramLabel = "NAME", description = "Published architecture from models.csv (e.g. llama-3-70b); gives layers and KV-cache size.")
    String model;
    @Option(names = "--params", paramLabel = "N", converter = HumanNumber.class, description = "Total parameters (without --model: a generic Llama-like shape is assumed).")
    Double params;
    @Option(names = "--active-params", paramLabel = "A", converter = HumanNumber.class, description = "Parameters active per token (MoE); default = --params.")
    Double activeParams;
    @Option(names = "--hardware", paramLabel = "H", required = true, description = "Device from the catalogue, e.g. H100-SXM, L4, MI300X.")
    String hardware;
    @Option(names = "--devices", paramLabel = "K", converter = HumanNumber.class, description = "Devices per model replica (default: the fewest, a power of two, that hold weights and KV cache).")
    Double devices;
    @Option(names = "--batch", paramLabel = "B", converter = HumanNumber.class, description = "Concurrent sequences per replica (default 64).")
    Double batch;
    @Option(names = "--precision", paramLabel = "P", defaultValue = "bf16", description = "Weights: fp32, bf16, fp8, int8, int4, mxfp4 (default bf16).")
    String precision;
    @Option(names = "--input-tokens", paramLabel = "I", converter = HumanNumber.class, description = "Prompt tokens per request (default 500).")
    Double inputTokens;
    @Option(names = "--output-tokens", paramLabel = "O", converter = HumanNumber.class, description = "Generated tokens per request (default 300).")
    Double outputTokens;
    @Option(names = "--requests-per-day", paramLabel = "R", converter = HumanNumber.class, description = "Demand (default 1M).")
    Double requestsPerDay;
    @Option(names = "--host-overhead", paramLabel = "F", description = "Host and network power as a fraction of device power (default 0.21; 0 = GPUs only).")
    Double hostOverhead;
    @Option(names = "--start", paramLabel = "TIME", description = "Start of the year billed (ISO-8601 instant); default now.")
    Instant start;
    @Option(names = "--json-out", paramLabel = "FILE", description = "Also write the estimate as JSON.")
    Path jsonOut;
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
        Hardware hw = HardwareCatalog.shipped().find(hardware);
        ModelArchitecture arch;
        if (model != null) {
            arch = ModelCatalog.shipped().find(model);
            if (params != null || activeParams != null) {
                throw new Errors.UserError("give either --model or --params/--active-params, not both");
            }
        } else if (params != null) {
            double n = dev.wattiq.planner.PlannerException.requirePositive("--params", params);
            double a = activeParams == null ? n : dev.wattiq.planner.PlannerException.requirePositive("--active-params", activeParams);
            if (a > n) throw new Errors.UserError("--active-params exceeds --params: active parameters are a subset of all parameters");
            arch = ModelArchitecture.generic(n, a);
        } else {
            throw new Errors.UserError("no model: give --params N (e.g. 70B) or --model NAME");
        }
        InferenceRequest req = new InferenceRequest(arch, hw,
                devices == null ? null : PlanTrainCommand.checkedCount(devices),
                batch == null ? null : PlanTrainCommand.checkedCount(batch), Precision.parse(precision),
                inputTokens, outputTokens, requestsPerDay, null, null, hostOverhead, true);
        InferenceEstimate e = InferencePlanner.shipped().estimate(req);
        Instant t0 = start != null ? start : Instant.now();
        dev.wattiq.ledger.Site where = embodied ? PlanOutput.withEmbodied(site.site(), hw, e.devices() * e.replicas()) : site.site();
        Bill bill = Ledger.bill(EnergyTrace.of(t0, Duration.ofDays(365), e.annualItEnergyJoules()), where);
        print(spec.commandLine().getOut(), hw, arch, e, bill);
        if (jsonOut != null) PlanOutput.writeJson(jsonOut, json(e, bill));
        return 0;
    }

    private void print(PrintWriter out, Hardware hw, ModelArchitecture arch, InferenceEstimate e, Bill bill) {
        out.printf(Locale.ROOT, "serving plan: %s on %d x %s per replica%n", arch.id(), e.devices(), hw.id());
        out.printf(Locale.ROOT, "  decode step      %.2f ms (%s-bound)%n", e.decodeStepSeconds() * 1000, e.decodeBound());
        out.printf(Locale.ROOT, "  prefill          %.2f ms per request%n", e.prefillSecondsPerRequest() * 1000);
        out.printf(Locale.ROOT, "  throughput       %s output tokens/s per replica%n", PlanOutput.num(e.tokensPerSecond()));
        out.printf(Locale.ROOT, "  energy/token     %.4g J (devices, prefill included)%n", e.energyPerTokenJoules());
        out.printf(Locale.ROOT, "  energy/request   %.4g Wh (with host)%n", e.energyPerRequestWattHours());
        out.printf(Locale.ROOT, "  device power     %.0f W while decoding%n", e.devicePowerWatts());
        out.printf(Locale.ROOT, "  fleet            %d replicas = %d devices, %.0f%% busy%n", e.replicas(),
                e.replicas() * e.devices(), 100 * e.utilisation());
        out.printf(Locale.ROOT, "  annual energy    %s MWh IT, %s MWh facility%n", PlanOutput.num(e.annualItEnergyJoules() / 3.6e9),
                PlanOutput.num(bill.facilityEnergyKwh() / 1000));
        out.printf(Locale.ROOT, "  annual cost      %s %s%n", PlanOutput.num(bill.cost().amount()), bill.cost().currency());
        out.printf(Locale.ROOT, "  annual CO2e      %s t location-based, %s t market-based%n",
                PlanOutput.num(bill.co2eLocationKg() / 1000), PlanOutput.num(bill.co2eMarketKg() / 1000));
        BillText.assumptionLines(bill).forEach(out::println); // totals are printed above in the plan's own units
        PlanOutput.printAssumptions(out, e.assumptions());
        for (String w : bill.warnings()) spec.commandLine().getErr().println("wattiq: warning: " + w);
    }

    private ObjectNode json(InferenceEstimate e, Bill bill) {
        ObjectNode root = PlanOutput.JSON.createObjectNode();
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
        root.put("annual_energy_kwh", bill.facilityEnergyKwh());
        root.put("annual_it_energy_kwh", e.annualItEnergyJoules() / 3.6e6);
        PlanOutput.writeBill(root, bill, e.assumptions());
        return root;
    }
}
