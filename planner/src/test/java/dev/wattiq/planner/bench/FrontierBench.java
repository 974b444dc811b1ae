package dev.wattiq.planner.bench;

import dev.wattiq.planner.tune.Direction;
import dev.wattiq.planner.tune.Pareto;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Times the frontier of n random points for 2 and 3 objectives; prints every run and the median. */
public final class FrontierBench {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        for (int k : new int[] {2, 3, 4}) {
            double[][] cols = random(k, n, 42);
            Direction[] dirs = new Direction[k];
            Arrays.fill(dirs, Direction.MIN);
            dirs[k - 1] = Direction.MAX;
            double[] ms = new double[runs];
            int size = 0;
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                size = Pareto.indices(cols, dirs).length;
                ms[r] = (System.nanoTime() - t0) / 1e6;
            }
            System.out.printf("frontier k=%d n=%d: first %.0f ms, median %.0f ms, min %.0f ms (%d on frontier)%n",
                    k, n, ms[0], median(ms), Arrays.stream(ms).min().orElse(0), size);
        }
    }

    static double[][] random(int k, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] c = new double[k][n];
        for (double[] col : c) for (int i = 0; i < n; i++) col[i] = rnd.nextDouble();
        return c;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
