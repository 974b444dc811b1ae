package dev.wattiq.planner.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Large inputs take the pivot pre-filter and the parallel ranking: both must agree with the definition. */
class ParetoLargeTest {

    @ParameterizedTest(name = "k={0} n={1} shape={2}")
    @CsvSource({"2, 6000, uniform", "3, 6000, uniform", "4, 5000, uniform", "2, 6000, ties", "3, 6000, ties",
            "5, 5000, ties", "2, 5000, anti", "3, 40000, ties"})
    void agreesWithTheDefinition(int k, int n, String shape) {
        SplittableRandom rnd = new SplittableRandom(k * 31L + n);
        double[][] cols = new double[k][n];
        for (int i = 0; i < n; i++) {
            double s = rnd.nextDouble();
            for (int j = 0; j < k; j++) {
                cols[j][i] = switch (shape) {
                    case "ties" -> rnd.nextInt(40);
                    case "anti" -> j == 0 ? s : 1 - s + rnd.nextInt(3) * 0.001;
                    default -> rnd.nextDouble();
                };
            }
        }
        Direction[] dirs = new Direction[k];
        for (int j = 0; j < k; j++) dirs[j] = j % 2 == 0 ? Direction.MIN : Direction.MAX;
        int[] fast = Pareto.indices(cols, dirs);
        int[] expected = n <= 6000 ? ParetoPropertiesTest.bruteForce(cols, dirs)
                : trueIndices(Pareto.exactMask(cols, dirs, names(k)));
        assertThat(fast).containsExactly(expected);
        assertThat(trueIndices(Pareto.exactMask(cols, dirs, names(k)))).containsExactly(expected);
    }

    private static String[] names(int k) {
        String[] s = new String[k];
        Arrays.setAll(s, j -> "o" + j);
        return s;
    }

    private static int[] trueIndices(boolean[] mask) {
        return java.util.stream.IntStream.range(0, mask.length).filter(i -> mask[i]).toArray();
    }
}
