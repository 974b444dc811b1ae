package dev.wattiq.planner.bench;

import dev.wattiq.planner.schedule.Job;
import dev.wattiq.planner.schedule.Objective;
import dev.wattiq.planner.schedule.ScheduleResult;
import dev.wattiq.planner.schedule.Scheduler;
import dev.wattiq.planner.schedule.Series;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A year of hourly data for 10 regions (87,600 rows of CSV text, synthetic), parsed and scheduled: a 24 h contiguous
 * job and a 24 h interruptible one, deadline at the year's end. Baseline in the same run: the contiguous search by
 * summing each window afresh (O(hours x duration)) instead of prefix sums.
 */
public final class ScheduleBench {
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int regions = 10;
        int hours = 8760;
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        StringBuilder sb = new StringBuilder("timestamp,region,price_per_kwh,gco2e_per_kwh\n");
        SplittableRandom rnd = new SplittableRandom(1);
        for (int h = 0; h < hours; h++) {
            String ts = t0.plusSeconds(3600L * h).toString();
            for (int r = 0; r < regions; r++) {
                double day = Math.sin((h % 24) / 24.0 * 2 * Math.PI);
                sb.append(ts).append(",R").append(r).append(',').append(String.format("%.4f", 0.1 + 0.05 * day + 0.02 * rnd.nextDouble()))
                        .append(',').append(String.format("%.1f", 50 + 40 * r + 30 * day + 10 * rnd.nextDouble())).append('\n');
            }
        }
        String text = sb.toString();
        Instant deadline = t0.plusSeconds(3600L * hours);
        System.out.printf("schedule bench: %d rows (%d regions x %d hours), %.1f MB of CSV, %d CPUs%n", regions * hours, regions, hours,
                text.length() / 1e6, Runtime.getRuntime().availableProcessors());
        double[] parse = new double[runs];
        double[] plan = new double[runs];
        double[] planInt = new double[runs];
        double[] naive = new double[runs];
        ScheduleResult last = null;
        double[] cpu = new double[runs];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r < runs; r++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            long a = System.nanoTime();
            Series s = Series.parse(text, "bench.csv");
            long b = System.nanoTime();
            last = Scheduler.plan(s, new Job(24, 100, deadline, t0, Objective.COST, 0.5, false, List.of()));
            long c = System.nanoTime();
            Scheduler.plan(s, new Job(24, 100, deadline, t0, Objective.CARBON, 0.5, true, List.of()));
            long d = System.nanoTime();
            long cpu1 = mx.getCurrentThreadCpuTime();
            naiveBest(s, 24);
            long e = System.nanoTime();
            cpu[r] = (cpu1 - cpu0) / 1e6;
            parse[r] = (b - a) / 1e6;
            plan[r] = (c - b) / 1e6;
            planInt[r] = (d - c) / 1e6;
            naive[r] = (e - d) / 1e6;
        }
        System.out.printf("parse median %.0f ms (first %.0f) | contiguous plan %.1f ms | interruptible plan %.1f ms | end to end %.0f ms%n",
                FrontierBench.median(parse), parse[0], FrontierBench.median(plan), FrontierBench.median(planInt),
                FrontierBench.median(parse) + FrontierBench.median(plan) + FrontierBench.median(planInt));
        System.out.printf("end to end CPU time of the thread (parse + both plans): median %.0f ms (first %.0f) - wall time above includes waiting for a busy machine%n",
                FrontierBench.median(cpu), cpu[0]);
        System.out.printf("contiguous search: prefix sums %.1f ms | baseline window re-summing %.1f ms | %.1fx%n",
                FrontierBench.median(plan), FrontierBench.median(naive), FrontierBench.median(naive) / FrontierBench.median(plan));
        System.out.printf("chosen: %s in %s, saving %.1f%% cost%n", last.best().start(), last.best().region(), last.savingsPct());
    }

    static double naiveBest(Series s, int duration) {
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < s.regions().size(); r++) {
            double[] p = s.price()[r];
            for (int st = 0; st + duration <= p.length; st++) {
                double c = 0;
                for (int h = st; h < st + duration; h++) c += p[h];
                best = Math.min(best, c);
            }
        }
        return best;
    }
}
