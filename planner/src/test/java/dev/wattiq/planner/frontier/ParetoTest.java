package dev.wattiq.planner.frontier;

import static dev.wattiq.planner.frontier.Direction.MAX;
import static dev.wattiq.planner.frontier.Direction.MIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wattiq.ledger.Point;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Known traps of a frontier: ties, duplicates, signed zero, NaN, infinities, ragged input. */
class ParetoTest {

    @Test
    void identicalPointsAreAllOnTheFrontier() {
        double[][] cols = {{1, 1, 2}, {5, 5, 4}};
        assertThat(Pareto.indices(cols, MIN, MIN)).containsExactly(0, 1, 2);
    }

    @Test
    void aTieOnOneObjectiveAndALossOnAnotherIsDominated() {
        double[][] cols = {{1, 1}, {5, 6}};
        assertThat(Pareto.indices(cols, MIN, MIN)).containsExactly(0);
        double[][] three = {{1, 1, 1}, {2, 2, 2}, {3, 3, 4}}; // (1,2,3) twice, (1,2,4)
        assertThat(Pareto.indices(three, MIN, MIN, MIN)).containsExactly(0, 1);
        double[][] four = {{1, 1}, {2, 2}, {3, 3}, {4, 5}};
        assertThat(Pareto.indices(four, MIN, MIN, MIN, MIN)).containsExactly(0);
    }

    @Test
    void maximisedObjectivesFlip() {
        // energy min, quality max: (10, 0.9) beats (12, 0.8); (5, 0.5) is cheaper.
        double[][] cols = {{10, 12, 5}, {0.9, 0.8, 0.5}};
        assertThat(Pareto.indices(cols, MIN, MAX)).containsExactly(0, 2);
    }

    @Test
    void signedZerosAreEqual() {
        double[][] cols = {{-0.0, 0.0}, {1, 1}};
        assertThat(Pareto.indices(cols, MIN, MIN)).containsExactly(0, 1);
    }

    @Test
    void infinitiesAreOrdinaryValues() {
        double[][] cols = {{Double.POSITIVE_INFINITY, 1, Double.NEGATIVE_INFINITY}, {0, 1, 2}};
        assertThat(Pareto.indices(cols, MIN, MIN)).containsExactly(0, 1, 2);
        assertThat(Pareto.indices(new double[][] {{Double.POSITIVE_INFINITY, 1}, {1, 1}}, MIN, MIN)).containsExactly(1);
    }

    @Test
    void nanIsRejectedNamingThePointAndObjective() {
        assertThatThrownBy(() -> Pareto.indices(new double[][] {{1, 2}, {3, Double.NaN}}, new Direction[] {MIN, MAX},
                new String[] {"energy_j", "quality"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'quality'").hasMessageContaining("point 1");
    }

    @Test
    void raggedAndMissingInputIsRejected() {
        assertThatThrownBy(() -> Pareto.indices(new double[][] {{1, 2}, {3}}, MIN, MIN))
                .hasMessageContaining("has 1 values");
        assertThatThrownBy(() -> Pareto.indices(new double[0][], new Direction[0])).hasMessageContaining("at least one");
        assertThatThrownBy(() -> Pareto.indices(new double[][] {{1}}, MIN, MAX)).hasMessageContaining("directions");
    }

    @Test
    void emptyInputHasAnEmptyFrontier() {
        assertThat(Pareto.indices(new double[][] {{}, {}}, MIN, MIN)).isEmpty();
    }

    @Test
    void oneObjectiveKeepsEveryBestPoint() {
        assertThat(Pareto.indices(new double[][] {{3, 1, 2, 1}}, MIN)).containsExactly(1, 3);
        assertThat(Pareto.indices(new double[][] {{3, 1, 3}}, MAX)).containsExactly(0, 2);
    }

    @Test
    void pointsByName() {
        Point cheap = point("cheap", 100, 50, 0.7);
        Point good = point("good", 300, 60, 0.9);
        Point bad = point("bad", 400, 70, 0.8);
        List<Point> front = Pareto.of(List.of(cheap, good, bad),
                List.of(PointObjectives.byName("energy_j"), PointObjectives.QUALITY));
        assertThat(front).extracting(Point::name).containsExactly("cheap", "good");
        assertThatThrownBy(() -> PointObjectives.byName("watts")).hasMessageContaining("energy_j");
    }

    static Point point(String name, double joules, double seconds, double quality) {
        return new Point(name, Map.of(), joules, seconds, joules / 3.6e6 * 0.2, "EUR",
                joules / 3.6e6 * 0.3, joules / 3.6e6 * 0.1, quality, "r2", true);
    }
}
