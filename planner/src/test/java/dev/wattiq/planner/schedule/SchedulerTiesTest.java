package dev.wattiq.planner.schedule;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler's tie rule: costs within a relative 1e-9 are equal and the earliest start (then the first region)
 * keeps its place, whatever floating-point drift the window sums carry.
 */
class SchedulerTiesTest {
    static final Instant T0 = SchedulerTest.T0;

    static Job job(double hours, int deadlineHours, Objective o, boolean interruptible, String... regions) {
        return new Job(hours, 2, T0.plusSeconds(3600L * deadlineHours), T0, o, 0.5, interruptible, List.of(regions));
    }

    static double[] flat(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    @Test
    void aFlatPriceKeepsTheEarliestStartAndSavesNothing() {
        // 0.1 is not exact in binary: plain prefix sums drift, so some later window looked 1e-17 cheaper
        int n = 48;
        double[] carbon = new double[n];
        for (int h = 0; h < n; h++) carbon[h] = 100 + 400 * h; // later is dirtier: a later start would cost CO2e
        Series s = new Series(T0, List.of("DE"), new double[][] {flat(n, 0.1)}, new double[][] {carbon});
        for (double hours : new double[] {1, 3, 7.5, 24}) {
            ScheduleResult r = Scheduler.plan(s, job(hours, n, Objective.COST, false));
            assertThat(r.best().start()).as("%s h", hours).isEqualTo(T0);
            assertThat(r.best()).isEqualTo(r.baseline());
            assertThat(r.savingsPct()).isZero();
            assertThat(r.costSavingsPct()).isZero();
            assertThat(r.co2eSavingsPct()).as("no 390%% more CO2e for a 0.0%% saving").isZero();
            ScheduleResult i = Scheduler.plan(s, job(hours, n, Objective.COST, true));
            assertThat(i.best().start()).isEqualTo(T0);
            assertThat(i.savingsPct()).isZero();
        }
    }

    @Test
    void aMillionFlatHoursKeepTheFirstOfTheEqualCostStarts() {
        // the probe: on 10^6 rows, 2030 was picked over an equal-cost 2020 baseline
        int n = 1_000_000;
        double[] price = new double[n];
        for (int h = 0; h < n; h++) price[h] = h % 3 == 0 ? 0.1 : h % 3 == 1 ? 0.2 : 0.3; // every 3-hour window costs 0.6
        Series s = new Series(T0, List.of("A", "B"), new double[][] {price, price.clone()}, new double[][] {flat(n, 300), flat(n, 300)});
        ScheduleResult r = Scheduler.plan(s, job(3, n, Objective.COST, false));
        assertThat(r.best().start()).isEqualTo(T0);
        assertThat(r.best().region()).as("equal regions: the first given").isEqualTo("A");
        assertThat(r.savingsPct()).isZero();
        ScheduleResult later = Scheduler.plan(s, new Job(3, 2, T0.plusSeconds(3600L * n), T0.plusSeconds(3600L * 500_000), Objective.COST,
                0.5, false, List.of()));
        assertThat(later.best().start()).isEqualTo(T0.plusSeconds(3600L * 500_000));
    }

    @Test
    void aRealSavingStillMovesTheStart() {
        int n = 24;
        double[] price = flat(n, 0.1);
        price[10] = 0.1 * (1 - 1e-6); // a millionth cheaper: beyond the tolerance
        Series s = new Series(T0, List.of("DE"), new double[][] {price}, new double[][] {flat(n, 300)});
        ScheduleResult r = Scheduler.plan(s, job(1, n, Objective.COST, false));
        assertThat(r.best().start()).isEqualTo(T0.plusSeconds(36000));
        assertThat(r.savingsPct()).isPositive();
        price[10] = 0.1 * (1 - 1e-12); // a trillionth: a tie
        s = new Series(T0, List.of("DE"), new double[][] {price}, new double[][] {flat(n, 300)});
        assertThat(Scheduler.plan(s, job(1, n, Objective.COST, false)).best().start()).isEqualTo(T0);
    }

    @Property(tries = 200)
    void equalCostWindowsInAnyOrderKeepTheEarliest(@ForAll @IntRange(min = 1, max = 6) int hours,
                                                   @ForAll @DoubleRange(min = 0.001, max = 1000) @net.jqwik.api.constraints.Scale(6) double base,
                                                   @ForAll @IntRange(min = 0, max = 1000) int seed) {
        // a periodic price: every window of one period costs the same, summed in a different order each time
        int n = 200;
        java.util.Random rnd = new java.util.Random(seed);
        double[] period = new double[hours];
        for (int k = 0; k < hours; k++) period[k] = base * (0.5 + rnd.nextDouble());
        double[] price = new double[n];
        for (int h = 0; h < n; h++) price[h] = period[h % hours];
        Series s = new Series(T0, List.of("X"), new double[][] {price}, new double[][] {flat(n, 1)});
        ScheduleResult r = Scheduler.plan(s, job(hours, n, Objective.COST, false));
        assertThat(r.best().start()).isEqualTo(T0);
        assertThat(r.savingsPct()).isZero();
        ScheduleResult w = Scheduler.plan(s, job(hours, n, Objective.WEIGHTED, false));
        assertThat(w.best().start()).isEqualTo(T0);
    }
}
