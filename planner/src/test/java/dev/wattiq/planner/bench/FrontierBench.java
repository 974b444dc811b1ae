package dev.wattiq.planner.bench;

import dev.wattiq.planner.frontier.Direction;
import dev.wattiq.planner.frontier.Pareto;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;

/**
 * Times the frontier of n random points for 2, 3 and 4 objectives, against a textbook baseline (an Integer index
 * sort by a lexicographic comparator, then a sort-filter skyline pass), in the same run. Prints every figure; the
 * medians are what docs/tune.md quotes. Also times anti-correlated points (near the simplex, a large frontier) for 2
 * and 3 objectives, where the pivot pre-filter cannot help (4+ objectives there are O(n x frontier), not benchmarked).
 */
public final class FrontierBench {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        System.out.printf("frontier bench: n=%d, %d runs each, %d CPUs available%n", n, runs, Runtime.getRuntime().availableProcessors());
        for (String shape : new String[] {"uniform", "anti"}) {
            for (int k : shape.equals("anti") ? new int[] {2, 3} : new int[] {2, 3, 4}) {
                double[][] cols = random(k, n, 42, shape);
                Direction[] dirs = new Direction[k];
                Arrays.fill(dirs, Direction.MIN);
                dirs[k - 1] = Direction.MAX;
                for (int i = 0; i < n; i++) cols[k - 1][i] = -cols[k - 1][i]; // a maximised objective, same geometry
                int[] size = new int[2];
                double[] ours = time(runs, () -> size[0] = Pareto.indices(cols, dirs).length);
                if (shape.equals("anti")) { // the baseline's O(n x frontier) pass would take minutes here
                    System.out.printf("%-8s k=%d: wattiq median %6.0f ms (first %6.0f) | baseline skipped (O(n x frontier)) | frontier %d%n",
                            shape, k, median(ours), ours[0], size[0]);
                    continue;
                }
                double[] base = time(Math.max(1, runs / 2), () -> size[1] = baseline(cols, dirs));
                if (size[0] != size[1]) throw new AssertionError("frontier sizes differ: " + size[0] + " vs " + size[1]);
                System.out.printf("%-8s k=%d: wattiq median %6.0f ms (first %6.0f) | baseline median %6.0f ms | %5.1fx | frontier %d%n",
                        shape, k, median(ours), ours[0], median(base), median(base) / median(ours), size[0]);
            }
        }
    }

    static double[] time(int runs, Runnable r) {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return ms;
    }

    /** Textbook: sort indices lexicographically with a Comparator, then compare each point with the frontier so far. */
    static int baseline(double[][] cols, Direction[] dirs) {
        int k = cols.length;
        int n = cols[0].length;
        double[][] m = new double[k][n];
        for (int j = 0; j < k; j++) for (int i = 0; i < n; i++) m[j][i] = dirs[j] == Direction.MAX ? -cols[j][i] : cols[j][i];
        Integer[] idx = new Integer[n];
        Arrays.setAll(idx, i -> i);
        Comparator<Integer> lex = (a, b) -> {
            for (int j = 0; j < k; j++) {
                int c = Double.compare(m[j][a], m[j][b]);
                if (c != 0) return c;
            }
            return 0;
        };
        Arrays.sort(idx, lex);
        int[] front = new int[n];
        int size = 0;
        int count = 0;
        for (int s = 0; s < n; s++) {
            int p = idx[s];
            boolean dominated = false;
            for (int f = 0; f < size && !dominated; f++) {
                int q = front[f];
                boolean le = true;
                boolean lt = false;
                for (int j = 0; j < k && le; j++) {
                    if (m[j][q] > m[j][p]) le = false;
                    else if (m[j][q] < m[j][p]) lt = true;
                }
                dominated = le && lt;
            }
            if (!dominated) {
                front[size++] = p;
                count++;
            }
        }
        return count;
    }

    static double[][] random(int k, int n, long seed, String shape) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] c = new double[k][n];
        for (int i = 0; i < n; i++) {
            if (shape.equals("anti")) { // points near the simplex sum = 1: a large frontier
                double sum = 0;
                for (int j = 0; j < k; j++) sum += c[j][i] = -Math.log(rnd.nextDouble());
                for (int j = 0; j < k; j++) c[j][i] = c[j][i] / sum + rnd.nextDouble() * 1e-3;
            } else {
                for (int j = 0; j < k; j++) c[j][i] = rnd.nextDouble();
            }
        }
        return c;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
