package dev.wattiq.planner.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.Collection;
import java.util.Locale;

/** Runs {@link TrainingEvaluateBench} and prints configurations per second for the hot path and the baseline. */
public final class PlannerBench {
    private PlannerBench() {
    }

    public static void main(String[] args) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(TrainingEvaluateBench.class.getName()).build()).run();
        System.out.println();
        System.out.println("planner training estimates per second (2 threads; JMH throughput, mean +- 99.9% CI):");
        double evaluate = Double.NaN;
        double baseline = Double.NaN;
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            double score = r.getPrimaryResult().getScore();
            System.out.printf(Locale.ROOT, "  %-18s %,15.0f configurations/s  (+- %,.0f)%n", name, score,
                    r.getPrimaryResult().getScoreError());
            if (name.equals("evaluate")) evaluate = score;
            else baseline = score;
        }
        System.out.printf(Locale.ROOT, "  evaluate / estimate = %.1fx; target >= 1,000,000/s on 2 cores: %s%n",
                evaluate / baseline, evaluate >= 1e6 ? "met" : "NOT met");
    }
}
