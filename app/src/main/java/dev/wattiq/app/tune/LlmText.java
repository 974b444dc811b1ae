package dev.wattiq.app.tune;

import dev.wattiq.ledger.Bill;
import dev.wattiq.planner.llm.LlmBudget;
import dev.wattiq.planner.llm.LlmSizer;
import java.io.PrintWriter;
import java.util.Locale;

/** An LLM sizing as terminal text. */
final class LlmText {
    private LlmText() {
    }

    static void print(PrintWriter out, LlmSizing s) {
        String rule = s.rule().name().toLowerCase(Locale.ROOT);
        plan(out, "compute-optimal (" + rule + ")", s.plan());
        if (s.served() != null) {
            LlmSizer.Allocation base = s.plan().allocation();
            LlmSizer.Allocation served = s.served().allocation();
            plan(out, "inference-aware (" + fmt(s.request().inferenceTokens()) + " tokens served)", s.served());
            out.printf(Locale.ROOT, "  %.0f%% fewer parameters, %.1fx the training tokens, training FLOPs %+.0f%%, "
                            + "lifetime FLOPs %.3g -> %.3g (%.1f%% saved)%n",
                    (1 - served.params() / base.params()) * 100, served.tokens() / base.tokens(),
                    (served.trainFlops() / base.trainFlops() - 1) * 100, s.baseLifetimeFlops(), s.servedLifetimeFlops(),
                    (1 - s.servedLifetimeFlops() / s.baseLifetimeFlops()) * 100);
            out.printf(Locale.ROOT, "  (with no inference the same loss is cheapest at %s parameters and %s tokens under the %s law)%n",
                    fmt(s.zeroInference().params()), fmt(s.zeroInference().tokens()), s.rule().law().id());
        }
        out.flush();
    }

    private static void plan(PrintWriter out, String title, LlmBudget.Plan p) {
        LlmSizer.Allocation a = p.allocation();
        Bill bill = p.bill();
        out.println(title);
        out.printf(Locale.ROOT, "  %-16s %s%n", "parameters", fmt(a.params()));
        out.printf(Locale.ROOT, "  %-16s %s (%.1f per parameter)%n", "tokens", fmt(a.tokens()), a.tokensPerParam());
        out.printf(Locale.ROOT, "  %-16s %.3g FLOPs%n", "training compute", a.trainFlops());
        out.printf(Locale.ROOT, "  %-16s %.4f nats/token%n", "predicted loss", a.predictedLoss());
        out.printf(Locale.ROOT, "  %-16s %d x %s, %.3g days%n", "devices, time", p.training().devices(),
                p.training().assumptions().stream().filter(x -> x.name().equals("hardware")).map(x -> x.value()).findFirst().orElse("?"),
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
