package dev.wattiq.app.tune;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.cli.SiteOptions;
import dev.wattiq.app.output.Json;
import dev.wattiq.ledger.Bill;
import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.hardware.Precision;
import dev.wattiq.planner.tune.LlmBudget;
import dev.wattiq.planner.tune.LlmSizer;
import dev.wattiq.planner.tune.ScalingLaw;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wattiq tune llm}: the compute-optimal model for a budget, with its time, energy, cost and CO2e. */
@Command(name = "llm", modelTransformer = CliOptions.SharedGroups.class, mixinStandardHelpOptions = true,
        description = {"The compute-optimal LLM (parameters and tokens) for a training budget, its predicted loss, time, "
                + "energy, cost and CO2e.",
                "With --inference-tokens, the model that reaches the same loss with the fewest training + inference FLOPs "
                        + "(Sardana et al. 2024, Beyond Chinchilla-Optimal)."})
public final class TuneLlmCommand implements Callable<Integer>, SiteOptions.Holder {
    @Override
    public SiteOptions siteOptions() {
        return site;
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    BudgetOptions budget;

    static final class BudgetOptions {
        @Option(names = "--budget-flops", paramLabel = "C", description = "Training compute in FLOPs, e.g. 1e23.")
        Double flops;
        @Option(names = "--budget-kwh", paramLabel = "E", description = "Facility energy in kWh (IT x PUE).")
        Double kwh;
        @Option(names = "--budget-cost", paramLabel = "M", description = "Money, in the site's currency.")
        Double cost;
        @Option(names = "--budget-co2e-kg", paramLabel = "K", description = "Location-based CO2e in kg.")
        Double co2eKg;
    }

    @Option(names = "--hardware", required = true, paramLabel = "H", description = "Accelerator, e.g. H100, A100, TPUv4 (see the planner's hardware.csv).")
    String hardware;

    final SiteOptions site = new SiteOptions();

    @Option(names = "--rule", defaultValue = "chinchilla", paramLabel = "R",
            description = "chinchilla (Approach 1, ~20 tokens/param), parametric (minimise Hoffmann's L(N,D)) or epoch (minimise the Epoch refit). Default: ${DEFAULT-VALUE}.")
    String rule;

    @Option(names = "--inference-tokens", paramLabel = "T", description = "Tokens the model will serve over its life: size for training + inference FLOPs.")
    Double inferenceTokens;

    @Option(names = "--devices", paramLabel = "N", description = "Devices to train on (default: the fewest whole nodes that hold the training state).")
    Integer devices;

    @Option(names = "--precision", defaultValue = "bf16", paramLabel = "P", description = "Training precision (default: ${DEFAULT-VALUE}).")
    String precision;

    @Option(names = "--start", paramLabel = "ISO-8601", description = "Training start, for time-of-use tariffs and carbon series (default: now, on the hour).")
    String start;

    @Option(names = "--json-out", paramLabel = "FILE", description = "Write the result as JSON.")
    Path jsonOut;

    @Override
    public Integer call() {
        LlmSizer.Rule r = LlmSizer.Rule.parse(rule);
        Instant t0 = startInstant();
        LlmBudget b = new LlmBudget(HardwareCatalog.shipped().find(hardware), site.site(), r, devices,
                Precision.parse(precision), t0);
        LlmBudget.Kind kind = budget.flops != null ? LlmBudget.Kind.FLOPS : budget.kwh != null ? LlmBudget.Kind.KWH
                : budget.cost != null ? LlmBudget.Kind.COST : LlmBudget.Kind.CO2E_KG;
        double amount = switch (kind) {
            case FLOPS -> budget.flops;
            case KWH -> budget.kwh;
            case COST -> budget.cost;
            case CO2E_KG -> budget.co2eKg;
        };
        LlmBudget.Plan plan = b.plan(kind, amount);
        ObjectNode root = Json.object();
        root.put("rule", r.name().toLowerCase(Locale.ROOT));
        root.putObject("budget").put("kind", kind.name().toLowerCase(Locale.ROOT)).put("amount", amount).put("unit", kind.unit());
        planJson(plan, root);
        ScalingLaw law = r.law();
        ArrayNode as = root.putArray("assumptions");
        as.addObject().put("name", "scaling_law").put("value", law.id()).put("source", law.source());
        as.addObject().put("name", "allocation").put("value", r == LlmSizer.Rule.CHINCHILLA
                ? "Approach 1: " + law.tokensPerParam() + " tokens per parameter" : "argmin L(N, D) subject to 6ND = C")
                .put("source", law.source());
        as.addObject().put("name", "train_flops").put("value", "6 N D").put("source", "Kaplan et al. 2020; Hoffmann et al. 2022");
        for (dev.wattiq.planner.Assumption a : plan.training().assumptions()) {
            as.addObject().put("name", a.key()).put("value", String.valueOf(a.value())).put("unit", a.unit()).put("source", a.source());
        }
        for (dev.wattiq.ledger.Assumption a : plan.bill().assumptions()) {
            as.addObject().put("name", a.name()).put("value", a.value()).put("unit", a.unit()).put("source", a.source())
                    .put("default", a.isDefault());
        }
        PrintWriter out = spec.commandLine().getOut();
        print(out, "compute-optimal (" + r.name().toLowerCase(Locale.ROOT) + ")", plan);
        if (inferenceTokens != null) {
            LlmSizer.Allocation served = LlmSizer.inferenceAware(plan.allocation(), inferenceTokens, r);
            LlmBudget.Plan sp = b.at(served);
            ObjectNode ia = root.putObject("inference_aware");
            ia.put("inference_tokens", inferenceTokens);
            planJson(sp, ia);
            double base = plan.allocation().lifetimeFlops(inferenceTokens);
            double now = served.lifetimeFlops(inferenceTokens);
            Json.num(ia, "params_change_pct", (served.params() / plan.allocation().params() - 1) * 100);
            Json.num(ia, "tokens_change_pct", (served.tokens() / plan.allocation().tokens() - 1) * 100);
            Json.num(ia, "train_flops_change_pct", (served.trainFlops() / plan.allocation().trainFlops() - 1) * 100);
            Json.num(ia, "lifetime_flops", now);
            Json.num(ia, "lifetime_flops_compute_optimal", base);
            Json.num(ia, "lifetime_flops_saved_pct", (1 - now / base) * 100);
            ia.put("method", "same predicted loss as the compute-optimal model; minimise 6ND + 2N*T (Sardana et al. 2024)");
            // The same search with no inference: separates the law's own optimum from the effect of serving.
            LlmSizer.Allocation none = LlmSizer.inferenceAware(plan.allocation(), 0, r);
            Json.num(ia, "zero_inference_params", none.params());
            Json.num(ia, "zero_inference_tokens", none.tokens());
            print(out, "inference-aware (" + fmt(inferenceTokens) + " tokens served)", sp);
            out.printf(Locale.ROOT, "  %.0f%% fewer parameters, %.1fx the training tokens, training FLOPs %+.0f%%, "
                            + "lifetime FLOPs %.3g -> %.3g (%.1f%% saved)%n",
                    (1 - served.params() / plan.allocation().params()) * 100, served.tokens() / plan.allocation().tokens(),
                    (served.trainFlops() / plan.allocation().trainFlops() - 1) * 100, base, now, (1 - now / base) * 100);
            out.printf(Locale.ROOT, "  (with no inference the same loss is cheapest at %s parameters and %s tokens under the %s law)%n",
                    fmt(none.params()), fmt(none.tokens()), r.law().id());
        }
        out.flush();
        if (jsonOut != null) Json.write(root, jsonOut);
        return 0;
    }

    private Instant startInstant() {
        if (start == null) return Instant.now().truncatedTo(ChronoUnit.HOURS);
        try {
            return java.time.OffsetDateTime.parse(start).toInstant();
        } catch (DateTimeParseException e) {
            throw new Errors.UserError("--start '" + start + "' is not an ISO-8601 time with an offset: write e.g. 2025-06-01T00:00Z");
        }
    }

    private static void planJson(LlmBudget.Plan p, ObjectNode o) {
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

    private static void print(PrintWriter out, String title, LlmBudget.Plan p) {
        LlmSizer.Allocation a = p.allocation();
        Bill bill = p.bill();
        out.println(title);
        out.printf(Locale.ROOT, "  %-16s %s%n", "parameters", fmt(a.params()));
        out.printf(Locale.ROOT, "  %-16s %s (%.1f per parameter)%n", "tokens", fmt(a.tokens()), a.tokensPerParam());
        out.printf(Locale.ROOT, "  %-16s %.3g FLOPs%n", "training compute", a.trainFlops());
        out.printf(Locale.ROOT, "  %-16s %.4f nats/token%n", "predicted loss", a.predictedLoss());
        out.printf(Locale.ROOT, "  %-16s %d x %s, %.3g days%n", "devices, time", p.training().devices(),
                p.training().assumptions().stream().filter(x -> x.key().equals("hardware")).map(x -> String.valueOf(x.value())).findFirst().orElse("?"),
                p.training().durationSeconds() / 86400);
        out.printf(Locale.ROOT, "  %-16s %.4g kWh facility (IT %.4g kWh)%n", "energy", bill.facilityEnergyKwh(), bill.itEnergyJoules() / Bill.JOULES_PER_KWH);
        out.printf(Locale.ROOT, "  %-16s %.4g %s%n", "cost", bill.cost().amount(), bill.cost().currency());
        out.printf(Locale.ROOT, "  %-16s %.4g kg location-based, %.4g kg market-based%n", "CO2e", bill.co2eLocationKg(), bill.co2eMarketKg());
    }

    private static String fmt(double n) {
        if (n >= 1e12) return String.format(Locale.ROOT, "%.3gT", n / 1e12);
        if (n >= 1e9) return String.format(Locale.ROOT, "%.3gB", n / 1e9);
        if (n >= 1e6) return String.format(Locale.ROOT, "%.3gM", n / 1e6);
        return String.format(Locale.ROOT, "%.3g", n);
    }
}
