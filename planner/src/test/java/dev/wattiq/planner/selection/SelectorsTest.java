package dev.wattiq.planner.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wattiq.ledger.Point;
import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.frontier.Direction;
import dev.wattiq.planner.frontier.Pareto;
import dev.wattiq.planner.table.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Selection strategies: the pick, the reason, argument checks in constructors, infeasibility messages. */
class SelectorsTest {
    // name, joules, seconds, cost, quality
    private final List<Point> points = List.of(
            p("fp32", 900, 100, 9.0, 0.95),
            p("bf16", 500, 60, 5.0, 0.94),
            p("int8", 300, 50, 3.0, 0.90),
            p("prune", 200, 80, 2.0, 0.80),
            p("waste", 950, 120, 9.5, 0.93));
    private final Table table = Table.of(points);
    private final boolean[] front = Pareto.mask(table.columns(), Direction.MIN, Direction.MIN, Direction.MIN,
            Direction.MIN, Direction.MIN, Direction.MAX);

    static Point p(String name, double joules, double seconds, double cost, double quality) {
        return new Point(name, Map.of(), joules, seconds, cost, "EUR", cost / 10, cost / 20, quality, "acc", true);
    }

    @Test
    void leastCostMeetsQualityAndTime() {
        Recommendation r = Selectors.leastCost(0.93, 70).choose(table, front);
        assertThat(points.get(r.row()).name()).isEqualTo("bf16");
        assertThat(r.reason()).contains("lowest cost (5)").contains("quality>=0.93 and duration_s<=70");
    }

    @Test
    void infeasibleSaysWhichConstraintBindsAndTheBestReachable() {
        assertThatThrownBy(() -> Selectors.leastCost(0.96, 1000).choose(table, front))
                .isInstanceOfSatisfying(InfeasibleException.class, e -> {
                    assertThat(e.binding()).isEqualTo("quality>=0.96");
                    assertThat(e.bestReachable()).isEqualTo(0.95);
                })
                .hasMessageContaining("quality>=0.96 binds").hasMessageContaining("0.95");
        assertThatThrownBy(() -> Selectors.leastCost(0.95, 90).choose(table, front))
                .isInstanceOfSatisfying(InfeasibleException.class, e -> assertThat(e.bestReachable()).isEqualTo(0.94));
    }

    @Test
    void severalConstraintsBindingTogetherAreNamed() {
        Selector s = new ConstrainedOptimum("x", "cost", Direction.MIN,
                List.of(Constraint.atLeast("quality", 0.95), Constraint.atMost("duration_s", 55),
                        Constraint.atMost("energy_j", 250)));
        assertThatThrownBy(() -> s.choose(table, front)).hasMessageContaining("several constraints bind together");
    }

    @Test
    void bestQualityWithinEachBudget() {
        assertThat(points.get(Selectors.bestQualityWithin(Selectors.Budget.MONEY, 4).choose(table, front).row()).name())
                .isEqualTo("int8");
        assertThat(points.get(Selectors.bestQualityWithin(Selectors.Budget.KWH, 600 / 3.6e6).choose(table, front).row())
                .name()).isEqualTo("bf16");
        assertThat(points.get(Selectors.bestQualityWithin(Selectors.Budget.TCO2E, 0.0002).choose(table, front).row())
                .name()).isEqualTo("prune");
    }

    @Test
    void zeusWeightsEnergyAgainstTime() {
        assertThat(points.get(Selectors.zeus(1, 300).choose(table, front).row()).name()).isEqualTo("prune");
        assertThat(points.get(Selectors.zeus(0, 300).choose(table, front).row()).name()).isEqualTo("int8");
        Recommendation half = Selectors.zeus(0.5, 10).choose(table, front);
        assertThat(half.reason()).contains("eta 0.50");
        assertThat(new ZeusWeighted(0.5, 10).cost(200, 80)).isEqualTo(0.5 * 200 + 0.5 * 10 * 80);
    }

    @Test
    void constructorsRefuseBadArguments() {
        assertThatThrownBy(() -> Selectors.zeus(1.5, 300)).isInstanceOf(PlannerException.class).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> Selectors.zeus(Double.NaN, 300)).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> Selectors.zeus(0.5, 0)).hasMessageContaining("max power");
        assertThatThrownBy(() -> Selectors.leastCost(Double.NaN, 10)).hasMessageContaining("quality");
        assertThatThrownBy(() -> Selectors.leastCost(0.5, -1)).hasMessageContaining("maximum time");
        assertThatThrownBy(() -> Selectors.bestQualityWithin(Selectors.Budget.MONEY, 0)).hasMessageContaining("budget");
        assertThatThrownBy(() -> new Knee(List.of("a"), List.of())).hasMessageContaining("one direction per objective");
        assertThatThrownBy(() -> Constraint.parse("time_s=3")).hasMessageContaining("COLUMN<=VALUE");
        assertThatThrownBy(() -> Constraint.parse("time_s<=abc")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> Constraint.atMost("x", Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new ConstrainedOptimum("x", "nope", Direction.MIN, List.of()).choose(table, front))
                .hasMessageContaining("no column 'nope'");
    }

    @Test
    void kneeIsTheBalancedFrontierPoint() {
        Recommendation r = new Knee(List.of("energy_j", "quality"), List.of(Direction.MIN, Direction.MAX))
                .choose(table, Pareto.mask(new double[][] {table.column("energy_j"), table.column("quality")},
                        Direction.MIN, Direction.MAX));
        assertThat(points.get(r.row()).name()).isIn("bf16", "int8");
        assertThat(r.reason()).contains("distance");
        assertThat(Constraint.parse(" time_s <= 3600 ")).isEqualTo(Constraint.atMost("time_s", 3600));
        assertThat(Constraint.parse("q>=0.5").atMost()).isFalse();
    }
}
