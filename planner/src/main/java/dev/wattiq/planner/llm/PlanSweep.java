package dev.wattiq.planner.llm;

import dev.wattiq.meter.io.Csv;
import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.frontier.Pareto;
import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.Precision;
import dev.wattiq.planner.table.Table;
import dev.wattiq.planner.train.TrainingPlanner;
import dev.wattiq.planner.train.TrainingResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates every configuration of a {@link KnobSpace} for one training job (N parameters, D tokens) with the
 * planner's allocation-free {@link TrainingPlanner#evaluate}, into columns ready for {@link Pareto}: cost, co2e_kg,
 * duration_s, energy_j (facility) and quality (minus the predicted loss). Configurations that do not fit in memory,
 * or whose hardware has no peak for the precision, are left out and counted.
 *
 * <p>Power cap: the device draws min(modelled power, cap x TDP); below the modelled draw, throughput scales by
 * ((cap - idle) / (modelled - idle))^γ with γ from {@code tune/power_cap.csv} (a stated assumption).
 */
public final class PlanSweep {
    private static final double GAMMA = loadGamma();

    /**
     * The result: {@code table} rows are the kept configurations, {@code configs[i]} their index in the knob space.
     *
     * @param skipped configurations left out (out of memory, or no peak for the precision)
     */
    public record Result(Table table, long[] configs, long skipped, KnobSpace space) {
        /** The knob settings of row {@code row}. */
        public Map<String, String> config(int row) {
            long c = configs[row];
            Map<String, String> m = new LinkedHashMap<>();
            int site = (int) (c % space.sites().size());
            c /= space.sites().size();
            int sparsity = (int) (c % space.sparsities().length);
            c /= space.sparsities().length;
            int cap = (int) (c % space.powerCaps().length);
            c /= space.powerCaps().length;
            int precision = (int) (c % space.precisions().size());
            c /= space.precisions().size();
            int devices = (int) (c % space.devices().length);
            c /= space.devices().length;
            m.put("hardware", space.hardware().get((int) c).id());
            m.put("devices", Integer.toString(space.devices()[devices]));
            m.put("precision", space.precisions().get(precision).label());
            m.put("power_cap", Double.toString(space.powerCaps()[cap]));
            m.put("sparsity", Double.toString(space.sparsities()[sparsity]));
            m.put("site", space.sites().get(site).name());
            return m;
        }
    }

    private PlanSweep() {
    }

    /** Sweeps {@code space} for a dense model of {@code params} trained on {@code tokens}, loss from {@code law}. */
    public static Result run(double params, double tokens, KnobSpace space, ScalingLaw law) {
        PlannerException.requirePositive("params", params);
        PlannerException.requirePositive("tokens", tokens);
        TrainingPlanner planner = TrainingPlanner.shipped();
        QualityPenalties q = QualityPenalties.shipped();
        double baseLoss = law.loss(params, tokens);
        int n = Math.toIntExact(space.size());
        double[] cost = new double[n];
        double[] co2 = new double[n];
        double[] time = new double[n];
        double[] energy = new double[n];
        double[] quality = new double[n];
        long[] configs = new long[n];
        int kept = 0;
        long index = 0;
        TrainingResult out = new TrainingResult();
        double host = planner.defaultHostOverhead();
        List<SiteRate> sites = space.sites();
        double[] sparsityPenalty = new double[space.sparsities().length];
        for (int s = 0; s < sparsityPenalty.length; s++) sparsityPenalty[s] = q.sparsity(space.sparsities()[s], false);
        for (Hardware hw : space.hardware()) {
            int minDevices = planner.minDevices(hw, params);
            for (int d : space.devices()) {
                for (Precision p : space.precisions()) {
                    double precisionPenalty = q.precision(p);
                    boolean usable = d >= minDevices && hw.peakFlops(p) > 0;
                    if (usable) planner.evaluate(hw, params, tokens, d, 1, 1, p, false, Double.NaN, host, out);
                    double modelW = out.devicePowerWatts;
                    for (double cap : space.powerCaps()) {
                        double seconds = out.durationSeconds;
                        double deviceW = modelW;
                        double capW = cap * hw.tdpWatts();
                        if (usable && capW < modelW) {
                            double slow = Math.pow(Math.max(1e-3, (capW - hw.idleWatts()) / (modelW - hw.idleWatts())), GAMMA);
                            seconds /= slow;
                            deviceW = capW;
                        }
                        double itJoules = d * deviceW * (1 + host) * seconds;
                        for (double sp : sparsityPenalty) {
                            double loss = baseLoss * precisionPenalty * sp;
                            for (SiteRate site : sites) {
                                if (!usable || !(seconds > 0) || !Double.isFinite(seconds)) {
                                    index++;
                                    continue;
                                }
                                double itKwh = itJoules / 3.6e6;
                                cost[kept] = itKwh * site.costPerItKwh();
                                co2[kept] = itKwh * site.co2eKgPerItKwh();
                                time[kept] = seconds;
                                energy[kept] = itJoules * site.pue();
                                quality[kept] = -loss;
                                configs[kept++] = index++;
                            }
                        }
                    }
                }
            }
        }
        Table t = new Table(List.of("cost", "co2e_kg", "duration_s", "energy_j", "quality"), new double[][] {
                java.util.Arrays.copyOf(cost, kept), java.util.Arrays.copyOf(co2, kept), java.util.Arrays.copyOf(time, kept),
                java.util.Arrays.copyOf(energy, kept), java.util.Arrays.copyOf(quality, kept)});
        return new Result(t, java.util.Arrays.copyOf(configs, kept), n - kept, space);
    }

    private static double loadGamma() {
        for (Csv.Row r : Csv.resource(PlanSweep.class, "/dev/wattiq/planner/llm/power_cap.csv").rows()) {
            if ("throughput_exponent".equals(r.text("key"))) return r.number("value", Double.NaN);
        }
        throw new PlannerException("power_cap.csv has no throughput_exponent: add it with its source");
    }
}
