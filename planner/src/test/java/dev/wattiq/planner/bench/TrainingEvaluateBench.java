package dev.wattiq.planner.bench;

import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.hardware.Precision;
import dev.wattiq.planner.train.TrainingPlanner;
import dev.wattiq.planner.train.TrainingRequest;
import dev.wattiq.planner.train.TrainingResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * How many training configurations the tuner can evaluate per second. {@code evaluate} is the allocation-free hot
 * path; {@code estimate} (validation, memory check, assumptions list) is the baseline a naive tuner would call.
 * Each invocation takes the next of 4,096 random configurations (hardware, N, D, devices, TP, PP, host overhead), so
 * nothing is constant-folded; the 80% interval bounds are part of what is returned. Two threads: the figure is
 * configurations per second on 2 cores.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Threads(2)
public class TrainingEvaluateBench {
    private static final int N = 4096;

    @State(Scope.Benchmark)
    public static class Configs {
        final Hardware[] hardware = new Hardware[N];
        final double[] params = new double[N];
        final double[] tokens = new double[N];
        final int[] devices = new int[N];
        final int[] tp = new int[N];
        final int[] pp = new int[N];
        final double[] host = new double[N];
        final TrainingRequest[] requests = new TrainingRequest[N];
        final TrainingPlanner planner = TrainingPlanner.shipped();

        @Setup
        public void setup() {
            SplittableRandom rnd = new SplittableRandom(42);
            List<Hardware> hw = HardwareCatalog.shipped().all().stream().filter(h -> !h.kind().equals("cpu")).toList();
            for (int i = 0; i < N; i++) {
                hardware[i] = hw.get(rnd.nextInt(hw.size()));
                params[i] = 1e9 * (1 + rnd.nextInt(400));
                tokens[i] = 1e11 * (1 + rnd.nextInt(200));
                tp[i] = 1 << rnd.nextInt(4);
                pp[i] = 1 << rnd.nextInt(4);
                devices[i] = Math.max(planner.minDevices(hardware[i], params[i]), 64) * tp[i] * pp[i];
                host[i] = rnd.nextDouble(0.3);
                requests[i] = new TrainingRequest(params[i], null, tokens[i], hardware[i], devices[i], null, null, host[i],
                        null, tp[i], pp[i], Precision.BF16, false, null);
            }
        }
    }

    @State(Scope.Thread)
    public static class Cursor {
        int i;
        final TrainingResult out = new TrainingResult();
    }

    @Benchmark
    public double evaluate(Configs c, Cursor cur) {
        int i = cur.i++ & (N - 1);
        c.planner.evaluate(c.hardware[i], c.params[i], c.tokens[i], c.devices[i], c.tp[i], c.pp[i], Precision.BF16, false,
                Double.NaN, c.host[i], cur.out);
        return cur.out.itEnergyJoules + cur.out.itEnergyJoulesP10 + cur.out.itEnergyJoulesP90 + cur.out.deviceHoursP10
                + cur.out.deviceHoursP90;
    }

    @Benchmark
    public double estimateBaseline(Configs c, Cursor cur) {
        int i = cur.i++ & (N - 1);
        var e = c.planner.estimate(c.requests[i]);
        return e.itEnergyJoules() + e.itEnergyInterval().p90() + e.deviceHoursInterval().p10();
    }
}
