package dev.wattiq.planner.infer;

import dev.wattiq.planner.fit.NelderMead;
import dev.wattiq.planner.fit.Priors;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the serving model's nine coefficients to published J/token rows, in code, so each cross-validation fold refits
 * on its own rows: a Nelder-Mead search of the summed absolute log error (rows weighted 1/sqrt(rows of their model
 * family)), started from fitted.csv and restarted once from its answer. Where a row also publishes its throughput and
 * average power (ML.ENERGY does), the time and power halves are fitted to those separately (J/token = power /
 * throughput), so the decode-time coefficients answer to measured speed and the activity coefficients to measured
 * watts.
 */
public final class ServingFit {
    public static final List<String> KEYS = List.of("infer.memory_bandwidth_efficiency", "infer.decode_compute_efficiency",
            "infer.layer_overhead_s", "infer.allreduce_latency_s", "infer.alltoall_latency_s", "infer.sequence_overhead_s",
            "infer.activity_memory", "infer.activity_layer_overhead", "infer.activity_sequence_overhead");

    private ServingFit() {
    }

    public static ServingModel fit(ServingModel base, List<ServingRun> runs, Priors priors) {
        double[][] box = priors.box(KEYS);
        if (runs.isEmpty()) return base.with(ServingModel.Coefficients.of(box[0]));
        Map<String, Integer> n = new HashMap<>();
        for (ServingRun r : runs) n.merge(r.family(), 1, Integer::sum);
        double[] w = runs.stream().mapToDouble(r -> 1 / Math.sqrt(n.get(r.family()))).toArray();
        ServingModel.Step s = new ServingModel.Step();
        java.util.function.ToDoubleFunction<double[]> loss = x -> {
            ServingModel m = base.with(ServingModel.Coefficients.of(x));
            double sum = 0;
            for (int i = 0; i < runs.size(); i++) {
                ServingRun r = runs.get(i);
                double j = predict(m, r, s);
                if (r.publishedTokensPerSecond() > 0 && r.publishedWatts() > 0) {
                    sum += w[i] * (smoothAbs(Math.log(s.tokensPerSecond / r.publishedTokensPerSecond()))
                            + smoothAbs(Math.log(s.averageWatts / r.publishedWatts())));
                } else {
                    sum += w[i] * smoothAbs(Math.log(j / r.published()));
                }
            }
            return sum;
        };
        double[] x = NelderMead.minimise(loss, box[0], box[1], box[2], box[3], 1500);
        x = NelderMead.minimise(loss, x, box[1], box[2], box[3], 1000);
        return base.with(ServingModel.Coefficients.of(x));
    }

    private static double smoothAbs(double e) {
        return Double.isFinite(e) ? Math.sqrt(e * e + 1e-4) : 50;
    }

    /** The model's J per output token for a published row. */
    public static double predict(ServingModel m, ServingRun r, ServingModel.Step scratch) {
        m.step(r.model(), r.hardware(), r.devices(), r.batch(), r.precision(), r.input(), r.output(), r.tp(), r.ep(), scratch);
        return scratch.joulesPerToken;
    }
}
