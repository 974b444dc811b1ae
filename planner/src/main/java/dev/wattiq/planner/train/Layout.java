package dev.wattiq.planner.train;

import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.Precision;
import dev.wattiq.planner.model.ModelArchitecture;

/**
 * How a run is laid out and how fast it goes: devices, tensor and pipeline degrees, and the utilisation that follows.
 * Where the device count is not given it is chosen so the run takes about the model's typical wall-clock (the median
 * of the published runs), in whole scale-up domains and never below what holds the training state, and a multiple of
 * the tensor x pipeline degrees it needs (so 9,176 devices, 8 x 31 x 37, never force 31 pipeline stages).
 *
 * @param devices           device count
 * @param tensorParallel    tensor-parallel degree
 * @param pipelineParallel  pipeline-parallel degree
 * @param steadyMfu         utilisation between failures (model FLOPs: 6 N_a per token)
 * @param devicesChosen     whether the device count was chosen here (not given)
 * @param recompute         activations are recomputed (asked for, or the device cannot hold them): 8 N_a per token
 */
public record Layout(int devices, int tensorParallel, int pipelineParallel, double steadyMfu, boolean devicesChosen,
                     boolean recompute) {

    /**
     * Lays out a run. Null {@code devices}, {@code tp} or {@code pp} take the defaults described on the class and on
     * {@link TrainingModel#defaultTensorParallel}.
     */
    public static Layout of(TrainingModel m, Hardware hw, Precision p, ModelArchitecture shape, double params,
                            double active, double tokens, Integer devices, Integer tp, Integer pp, boolean recompute) {
        double peak = hw.peakFlops(p);
        int node = Math.max(1, hw.devicesPerNode());
        int min = Math.max(1, m.minDevices(hw, params));
        int k;
        boolean chosen = devices == null;
        if (!chosen) {
            k = devices;
        } else {
            double u = 0.3;
            k = min;
            double flops = m.flopsPerParamToken(recompute) * active * tokens;
            for (int i = 0; i < 4; i++) {
                double want = Math.max(min, flops / (peak * u * m.c.typicalRunDays() * 86_400));
                int unit = unit(m, hw, shape, params, active, (int) Math.min(1 << 24, Math.ceil(want / node) * node), node, tp, pp);
                k = (int) Math.min(1 << 24, Math.ceil(want / unit) * unit);
                u = mfu(m, hw, peak, shape, params, active, k, tp, pp, recompute)[0];
            }
        }
        double[] r = mfu(m, hw, peak, shape, params, active, k, tp, pp, recompute);
        return new Layout(k, (int) r[1], (int) r[2], r[0], chosen, r[3] > 0);
    }

    /**
     * What a chosen device count is a multiple of: the scale-up domain and tensor x pipeline degrees that {@link #mfu}
     * gives at about {@code k} devices, so its defaults divide the count without a larger pipeline than memory needs.
     */
    private static int unit(TrainingModel m, Hardware hw, ModelArchitecture s, double params, double active, int k, int node,
                            Integer tp, Integer pp) {
        Degrees d = Degrees.of(m, hw, s, params, active, k, tp, pp);
        long unit = lcm(node, (long) d.tensor() * d.pipeline());
        return unit > 1 << 20 ? node : (int) unit;
    }

    private static long lcm(long a, long b) {
        long x = a, y = b;
        while (y != 0) {
            long r = x % y;
            x = y;
            y = r;
        }
        return a / x * b;
    }

    /**
     * The degrees at {@code k} devices before the pipeline is fitted to the count: the user's where given, else the
     * tensor degree memory needs, fallen to a power of two that divides {@code k}, and the pipeline memory needs.
     *
     * @param shards devices the routed experts spread over (1 for a dense model)
     */
    private record Degrees(double shards, int tensor, int pipeline) {
        static Degrees of(TrainingModel m, Hardware hw, ModelArchitecture s, double params, double active, int k,
                          Integer tp, Integer pp) {
            double shards = s.experts() > 0 ? Math.min(s.experts(), Math.min(k, Math.max(1, hw.devicesPerNode()))) : 1;
            int t = tp != null ? tp : Math.min(k, m.defaultTensorParallel(hw, params, active, s.experts(), s.expertsPerToken(), shards));
            if (tp == null) while (t > 1 && k % t != 0) t /= 2;
            int q = pp != null ? pp : Math.max(1, Math.min(k / t, m.defaultPipelineParallel(hw, params, active, s.experts(),
                    s.expertsPerToken(), shards, t)));
            return new Degrees(shards, t, q);
        }
    }

    private static double[] mfu(TrainingModel m, Hardware hw, double peak, ModelArchitecture s, double params,
                                double active, int k, Integer tp, Integer pp, boolean recompute) {
        int e = s.experts();
        int topK = s.expertsPerToken();
        Degrees d = Degrees.of(m, hw, s, params, active, k, tp, pp);
        int t = d.tensor();
        int q = d.pipeline();
        // default degrees divide the device count: the pipeline takes the smallest number of stages, at least what
        // memory needs, that divides what the tensor degree leaves
        if (pp == null && k % t == 0) {
            int left = k / t;
            while (left % q != 0) q++;
        }
        double u = m.steadyMfu(hw, peak, params, active, s.layers(), s.attentionLayers(), s.hidden(), e, topK, k, t, q);
        boolean re = recompute || m.needsRecompute(hw, params, active, e, topK, d.shards(), s.layers(), s.hidden(), t, q);
        if (re) u *= m.flopsPerParamToken(false) / m.flopsPerParamToken(true);
        return new double[]{u, t, q, re ? 1 : 0};
    }
}
