package dev.wattiq.planner.llm;

import dev.wattiq.meter.io.Csv;
import dev.wattiq.planner.PlannerException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parametric scaling law L(N, D) = E + A/N^α + B/D^β (N parameters, D training tokens) with its source, and the
 * compute-optimal allocations it implies under C = 6·N·D. Constants live in {@code tune/scaling_laws.csv}.
 *
 * @param id             {@code chinchilla} (Hoffmann et al. 2022) or {@code epoch} (Besiroglu et al. 2024)
 * @param tokensPerParam the Approach-1 allocation ratio D/N (about 20)
 * @param source         citation with table/equation
 */
public record ScalingLaw(String id, double e, double a, double b, double alpha, double beta, double tokensPerParam,
                         String source) {
    /** FLOPs per parameter per training token (C = 6·N·D). */
    public static final double TRAIN_FLOPS_PER_PARAM_TOKEN = 6;
    private static final Map<String, ScalingLaw> SHIPPED = load();

    public ScalingLaw {
        for (double v : new double[] {a, b, alpha, beta, tokensPerParam}) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new PlannerException("scaling law " + id + ": A, B, alpha, beta and tokens_per_param must be "
                        + "positive numbers: fix scaling_laws.csv");
            }
        }
    }

    /** The law called {@code id} ({@code chinchilla} or {@code epoch}). */
    public static ScalingLaw named(String id) {
        ScalingLaw law = SHIPPED.get(id);
        if (law == null) throw new PlannerException("unknown scaling law '" + id + "': use one of " + SHIPPED.keySet());
        return law;
    }

    /** Every shipped law. */
    public static List<ScalingLaw> all() {
        return List.copyOf(SHIPPED.values());
    }

    /** Predicted loss (nats per token) of N parameters trained on D tokens. */
    public double loss(double params, double tokens) {
        return e + a / Math.pow(params, alpha) + b / Math.pow(tokens, beta);
    }

    /**
     * The N minimising L under 6·N·D = C (closed form, Hoffmann et al. Eq. 4):
     * N = G·(C/6)^(β/(α+β)), G = (α·A / (β·B))^(1/(α+β)).
     */
    public double optimalParams(double flops) {
        double g = Math.pow(alpha * a / (beta * b), 1 / (alpha + beta));
        return g * Math.pow(flops / TRAIN_FLOPS_PER_PARAM_TOKEN, beta / (alpha + beta));
    }

    /** Approach 1: D = r·N with C = 6·N·D, so N = sqrt(C / (6·r)). */
    public double approach1Params(double flops) {
        return Math.sqrt(flops / (TRAIN_FLOPS_PER_PARAM_TOKEN * tokensPerParam));
    }

    /** Tokens that N parameters can be trained on with C FLOPs. */
    public static double tokensFor(double flops, double params) {
        return flops / (TRAIN_FLOPS_PER_PARAM_TOKEN * params);
    }

    /**
     * The tokens N parameters need to reach {@code loss}, or +∞ when N is too small to reach it at any D.
     */
    public double tokensToReach(double loss, double params) {
        double rest = loss - e - a / Math.pow(params, alpha);
        return rest > 0 ? Math.pow(b / rest, 1 / beta) : Double.POSITIVE_INFINITY;
    }

    /** The smallest N that can reach {@code loss} with unlimited data. */
    public double minParamsFor(double loss) {
        double rest = loss - e;
        if (!(rest > 0)) {
            throw new PlannerException("loss " + loss + " is at or below the law's irreducible loss E = " + e
                    + ": no model reaches it; aim higher");
        }
        return Math.pow(a / rest, 1 / alpha);
    }

    private static Map<String, ScalingLaw> load() {
        Map<String, ScalingLaw> m = new LinkedHashMap<>();
        String f = "scaling_laws.csv";
        for (Csv.Row r : Csv.resource(ScalingLaw.class, "/dev/wattiq/planner/llm/" + f).rows()) {
            m.put(r.text("id"), new ScalingLaw(r.text("id"), r.number("E", Double.NaN), r.number("A", Double.NaN),
                    r.number("B", Double.NaN), r.number("alpha", Double.NaN), r.number("beta", Double.NaN),
                    r.number("tokens_per_param", Double.NaN), r.text("source") + ", " + r.text("locator")));
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
