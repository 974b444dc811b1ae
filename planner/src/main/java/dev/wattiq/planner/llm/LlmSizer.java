package dev.wattiq.planner.llm;

import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.table.Table;
import java.util.Locale;

import static dev.wattiq.meter.UserInputException.field;

/**
 * Sizes an LLM for a training compute budget: the compute-optimal parameters and tokens by a chosen rule, and the
 * inference-aware variant of Sardana et al. 2024 ("Beyond Chinchilla-Optimal"): for the same predicted loss, the
 * (N, D) that minimises training plus lifetime inference FLOPs, 6·N·D + 2·N·T_inference.
 */
public final class LlmSizer {
    /** Forward-pass FLOPs per parameter per token served (Kaplan et al. 2020, Table 1: C_forward ≈ 2N). */
    public static final double INFER_FLOPS_PER_PARAM_TOKEN = 2;

    /** How to split a budget between parameters and tokens. */
    public enum Rule {
        /** Hoffmann et al. Approach 1: about 20 tokens per parameter (Table 3); loss from the Hoffmann fit. */
        CHINCHILLA("chinchilla"),
        /** Minimise the Hoffmann et al. parametric fit L(N, D) under C = 6·N·D. */
        PARAMETRIC("chinchilla"),
        /** Minimise the Epoch replication's refit (Besiroglu et al. 2024) under C = 6·N·D. */
        EPOCH("epoch");

        private final String lawId;

        Rule(String lawId) {
            this.lawId = lawId;
        }

        /** The scaling law this rule predicts loss with. */
        public ScalingLaw law() {
            return ScalingLaw.named(lawId);
        }

        /** Parses {@code chinchilla}, {@code parametric} or {@code epoch}. */
        public static Rule parse(String s) {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new PlannerException("unknown rule '" + s + "': use chinchilla, parametric or epoch");
            }
        }
    }

    /**
     * One model size.
     *
     * @param params        parameters N
     * @param tokens        training tokens D
     * @param trainFlops    6·N·D
     * @param predictedLoss L(N, D) from the rule's law, in nats per token
     */
    public record Allocation(double params, double tokens, double trainFlops, double predictedLoss) {
        /** Training tokens per parameter. */
        public double tokensPerParam() {
            return tokens / params;
        }

        /** Training plus inference FLOPs over the model's life. */
        public double lifetimeFlops(double inferenceTokens) {
            return trainFlops + INFER_FLOPS_PER_PARAM_TOKEN * params * inferenceTokens;
        }
    }

    private LlmSizer() {
    }

    /** The compute-optimal allocation of {@code flops} training FLOPs under {@code rule}. */
    public static Allocation computeOptimal(double flops, Rule rule) {
        PlannerException.requirePositive(field("budget_flops"), flops);
        ScalingLaw law = rule.law();
        double n = rule == Rule.CHINCHILLA ? law.approach1Params(flops) : law.optimalParams(flops);
        double d = ScalingLaw.tokensFor(flops, n);
        return new Allocation(n, d, flops, law.loss(n, d));
    }

    /**
     * The model that reaches {@code base}'s predicted loss with the fewest training + inference FLOPs when it will
     * serve {@code inferenceTokens} tokens (Sardana et al. 2024). Smaller than {@code base} and trained on more
     * tokens; with no inference it is the parametric optimum for that loss.
     */
    public static Allocation inferenceAware(Allocation base, double inferenceTokens, Rule rule) {
        PlannerException.requireNonNegative(field("inference_tokens"), inferenceTokens);
        ScalingLaw law = rule.law();
        double target = base.predictedLoss();
        double lo = Math.log(law.minParamsFor(target) * (1 + 1e-9));
        double hi = Math.log(Math.max(base.params(), law.optimalParams(base.trainFlops())) * 4);
        // Scan log N then refine by golden section: lifetime FLOPs along the iso-loss curve are unimodal in log N.
        int steps = 400;
        double bestX = hi;
        double bestF = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= steps; i++) {
            double x = lo + (hi - lo) * i / steps;
            double f = lifetime(law, target, Math.exp(x), inferenceTokens);
            if (f < bestF) {
                bestF = f;
                bestX = x;
            }
        }
        double step = (hi - lo) / steps;
        double a = Math.max(lo, bestX - step);
        double b = Math.min(hi, bestX + step);
        double g = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 100; i++) {
            double c = b - g * (b - a);
            double d = a + g * (b - a);
            if (lifetime(law, target, Math.exp(c), inferenceTokens) < lifetime(law, target, Math.exp(d), inferenceTokens)) {
                b = d;
            } else {
                a = c;
            }
        }
        double n = Math.exp((a + b) / 2);
        double tokens = law.tokensToReach(target, n);
        return new Allocation(n, tokens, ScalingLaw.TRAIN_FLOPS_PER_PARAM_TOKEN * n * tokens, law.loss(n, tokens));
    }

    private static double lifetime(ScalingLaw law, double loss, double params, double inferenceTokens) {
        double d = law.tokensToReach(loss, params);
        return ScalingLaw.TRAIN_FLOPS_PER_PARAM_TOKEN * params * d + INFER_FLOPS_PER_PARAM_TOKEN * params * inferenceTokens;
    }
}
