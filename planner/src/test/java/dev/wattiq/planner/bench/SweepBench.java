package dev.wattiq.planner.bench;

import dev.wattiq.ledger.Site;
import dev.wattiq.planner.frontier.Direction;
import dev.wattiq.planner.frontier.Pareto;
import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.hardware.Precision;
import dev.wattiq.planner.llm.KnobSpace;
import dev.wattiq.planner.llm.PlanSweep;
import dev.wattiq.planner.llm.ScalingLaw;
import dev.wattiq.planner.llm.SiteRate;
import dev.wattiq.planner.selection.Knee;
import dev.wattiq.planner.selection.Recommendation;
import dev.wattiq.planner.train.TrainingPlanner;
import dev.wattiq.planner.train.TrainingRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A planner sweep of over a million configurations end to end: enumerate and evaluate (allocation-free
 * {@code TrainingPlanner.evaluate}), the 4-objective Pareto frontier (cost, CO2e, time, quality), the balance-point
 * pick. Baseline in the same run: the validating {@code TrainingPlanner.estimate} path (assumption lists, records)
 * on a sample, per configuration.
 */
public final class SweepBench {
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        HardwareCatalog cat = HardwareCatalog.shipped();
        List<Hardware> hw = cat.all();
        int[] devices = new int[40];
        for (int i = 0; i < devices.length; i++) devices[i] = 8 * (i + 1) * (i + 1);
        List<Precision> precisions = List.of(Precision.FP32, Precision.BF16, Precision.FP8, Precision.INT8);
        double[] caps = {0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0};
        double[] sparsities = {0, 0.25, 0.5};
        List<SiteRate> sites = new ArrayList<>();
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        for (String region : new String[] {"FR", "DE", "PL", "SE", "NO", "US-IA", "US-CA", "IE", "GB", "JP", "IN", "BR"}) {
            sites.add(SiteRate.of(region, Site.builder().region(region).build(), t0));
        }
        KnobSpace space = new KnobSpace(hw, devices, precisions, caps, sparsities, sites);
        ScalingLaw law = ScalingLaw.named("chinchilla");
        System.out.printf("sweep bench: %d configurations (%d hardware x %d device counts x %d precisions x %d caps x %d sparsities x %d sites), %d CPUs%n",
                space.size(), hw.size(), devices.length, precisions.size(), caps.length, sparsities.length, sites.size(),
                Runtime.getRuntime().availableProcessors());
        double[] total = new double[runs];
        for (int r = 0; r < runs; r++) {
            long a = System.nanoTime();
            PlanSweep.Result res = PlanSweep.run(7e10, 1.4e12, space, law);
            long b = System.nanoTime();
            double[][] cols = {res.table().column("cost"), res.table().column("co2e_kg"), res.table().column("duration_s"),
                    res.table().column("quality")};
            boolean[] on = Pareto.mask(cols, new Direction[] {Direction.MIN, Direction.MIN, Direction.MIN, Direction.MAX},
                    new String[] {"cost", "co2e_kg", "duration_s", "quality"});
            long c = System.nanoTime();
            Recommendation rec = new Knee(List.of("cost", "co2e_kg", "duration_s", "quality"),
                    List.of(Direction.MIN, Direction.MIN, Direction.MIN, Direction.MAX)).choose(res.table(), on);
            long d = System.nanoTime();
            int front = 0;
            for (boolean x : on) if (x) front++;
            total[r] = (d - a) / 1e6;
            System.out.printf("run %d: evaluate %d kept (%d skipped) %.0f ms, frontier (cost, co2e, time, quality) %d points %.0f ms, pick %.0f ms, "
                            + "total %.0f ms; pick %s%n", r, res.table().rows(), res.skipped(), (b - a) / 1e6, front, (c - b) / 1e6,
                    (d - c) / 1e6, total[r], res.config(rec.row()));
        }
        System.out.printf("sweep end to end: median %.0f ms (first %.0f ms)%n", FrontierBench.median(total), total[0]);
        // Baseline: the validating estimate path, per configuration, on a sample.
        TrainingPlanner planner = TrainingPlanner.shipped();
        int sample = 20_000;
        long a = System.nanoTime();
        double sink = 0;
        for (int i = 0; i < sample; i++) {
            Hardware h = hw.get(i % hw.size());
            int dv = Math.max(planner.minDevices(h, 7e10), devices[i % devices.length]);
            sink += planner.estimate(TrainingRequest.of(7e10, 1.4e12, h, dv)).itEnergyJoules();
        }
        double perEstimateUs = (System.nanoTime() - a) / 1e3 / sample;
        double perSweepUs = FrontierBench.median(total) * 1e3 / space.size();
        System.out.printf("per configuration: sweep %.3f us (all stages) | baseline estimate() %.3f us (evaluation only) | %.1fx (sink %.1e)%n",
                perSweepUs, perEstimateUs, perEstimateUs / perSweepUs, sink);
    }
}
