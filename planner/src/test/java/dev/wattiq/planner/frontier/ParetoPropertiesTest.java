package dev.wattiq.planner.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The fast frontier equals the O(n²) definition, for every number of objectives and many ties. */
class ParetoPropertiesTest {

    /** The definition: i is on the frontier iff no j dominates it. */
    static int[] bruteForce(double[][] cols, Direction[] dirs) {
        int n = cols[0].length;
        int k = cols.length;
        int[] out = new int[n];
        int c = 0;
        double[] a = new double[k];
        double[] b = new double[k];
        for (int i = 0; i < n; i++) {
            boolean dominated = false;
            for (int j = 0; j < n && !dominated; j++) {
                for (int o = 0; o < k; o++) {
                    a[o] = cols[o][j];
                    b[o] = cols[o][i];
                }
                dominated = Pareto.dominates(a, b, dirs);
            }
            if (!dominated) out[c++] = i;
        }
        return Arrays.copyOf(out, c);
    }

    record Case(double[][] cols, Direction[] dirs) {
        @Override
        public String toString() {
            return Arrays.toString(dirs) + " " + Arrays.deepToString(cols);
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Integer> k = Arbitraries.integers().between(1, 5);
        Arbitrary<Integer> n = Arbitraries.integers().between(0, 60);
        Arbitrary<Integer> spread = Arbitraries.integers().between(1, 12); // small spread: many ties
        return Combinators.combine(k, n, spread).flatAs((kk, nn, sp) -> {
            Arbitrary<double[]> col = Arbitraries.integers().between(-sp, sp).map(v -> v == 0 ? -0.0 : v / 2.0)
                    .array(double[].class).ofSize(nn);
            Arbitrary<double[][]> cols = col.array(double[][].class).ofSize(kk);
            Arbitrary<Direction[]> dirs = Arbitraries.of(Direction.class).array(Direction[].class).ofSize(kk);
            return Combinators.combine(cols, dirs).as(Case::new);
        });
    }

    @Property(tries = 600)
    void equalsTheDefinition(@ForAll("cases") Case c) {
        assertThat(Pareto.indices(c.cols(), c.dirs())).containsExactly(bruteForce(c.cols(), c.dirs()));
    }

    @Property(tries = 200)
    void continuousValuesToo(@ForAll("continuous") Case c) {
        assertThat(Pareto.indices(c.cols(), c.dirs())).containsExactly(bruteForce(c.cols(), c.dirs()));
    }

    @Provide
    Arbitrary<Case> continuous() {
        Arbitrary<Integer> k = Arbitraries.integers().between(2, 4);
        Arbitrary<Integer> n = Arbitraries.integers().between(1, 200);
        return Combinators.combine(k, n).flatAs((kk, nn) -> {
            Arbitrary<double[]> col = Arbitraries.doubles().between(-1e6, 1e6)
                    .array(double[].class).ofSize(nn);
            return Combinators.combine(col.array(double[][].class).ofSize(kk),
                    Arbitraries.of(Direction.class).array(Direction[].class).ofSize(kk)).as(Case::new);
        });
    }

    @Property(tries = 200)
    void noFrontierPointDominatesAnotherAndEveryOtherPointIsDominated(@ForAll("cases") Case c) {
        int[] front = Pareto.indices(c.cols(), c.dirs());
        boolean[] mask = Pareto.mask(c.cols(), c.dirs());
        int n = c.cols()[0].length;
        assertThat(front.length).isEqualTo((int) java.util.stream.IntStream.range(0, n).filter(i -> mask[i]).count());
        if (n > 0) assertThat(front).isNotEmpty();
    }

    @Property(tries = 100)
    void reorderingThePointsDoesNotChangeTheFrontier(@ForAll("cases") Case c) {
        int n = c.cols()[0].length;
        int k = c.cols().length;
        double[][] reversed = new double[k][n];
        for (int j = 0; j < k; j++) for (int i = 0; i < n; i++) reversed[j][i] = c.cols()[j][n - 1 - i];
        int[] a = Pareto.indices(c.cols(), c.dirs());
        List<Integer> b = Arrays.stream(Pareto.indices(reversed, c.dirs())).map(i -> n - 1 - i).sorted().boxed().toList();
        assertThat(Arrays.stream(a).boxed().toList()).isEqualTo(b);
    }
}
