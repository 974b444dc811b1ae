package dev.wattiq.planner.schedule;

import dev.wattiq.planner.PlannerException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The scheduler against hand-computed answers and against exhaustive search. */
class SchedulerTest {
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    static Series series(double[][] price, double[][] carbon, String... regions) {
        return new Series(T0, List.of(regions), price, carbon);
    }

    static Job job(double hours, Instant deadline, Objective o, boolean interruptible, String... regions) {
        return new Job(hours, 2, deadline, T0, o, 0.5, interruptible, List.of(regions));
    }

    static Instant at(int h) {
        return T0.plusSeconds(3600L * h);
    }

    private final Series s = series(
            new double[][] {{0.30, 0.30, 0.10, 0.10, 0.30, 0.05}, {0.20, 0.20, 0.20, 0.20, 0.20, 0.20}},
            new double[][] {{500, 500, 400, 400, 500, 600}, {50, 50, 50, 50, 50, 50}}, "DE", "FR");

    @Test
    void cheapestContiguousWindowBeforeTheDeadline() {
        ScheduleResult r = Scheduler.plan(s, job(2, at(6), Objective.COST, false));
        assertThat(r.best().region()).isEqualTo("DE");
        assertThat(r.best().start()).isEqualTo(at(2));
        assertThat(r.best().cost()).isCloseTo(2 * (0.10 + 0.10), within(1e-12));
        assertThat(r.best().co2eKg()).isCloseTo(2 * 800 / 1000.0, within(1e-12));
        assertThat(r.baseline().start()).isEqualTo(T0);
        assertThat(r.baseline().cost()).isCloseTo(1.2, within(1e-12));
        assertThat(r.savingsPct()).isCloseTo((1.2 - 0.4) / 1.2 * 100, within(1e-9));
    }

    @Test
    void carbonPicksTheCleanRegion() {
        ScheduleResult r = Scheduler.plan(s, job(2, at(6), Objective.CARBON, false));
        assertThat(r.best().region()).isEqualTo("FR");
        assertThat(r.best().start()).isEqualTo(T0);
        assertThat(r.co2eSavingsPct()).isCloseTo(90, within(1e-9));
    }

    @Test
    void interruptibleTakesTheCheapestHoursAndAFraction() {
        ScheduleResult r = Scheduler.plan(s, job(2.5, at(6), Objective.COST, true, "DE"));
        assertThat(r.best().hours()).containsExactly(at(2), at(3), at(5));
        assertThat(r.best().cost()).isCloseTo(2 * (0.05 + 0.10 + 0.5 * 0.10), within(1e-12));
        assertThat(r.best().energyKwh()).isEqualTo(5);
    }

    @Test
    void fractionalContiguousJobUsesPartOfTheLastHour() {
        ScheduleResult r = Scheduler.plan(s, job(1.5, at(6), Objective.COST, false, "DE"));
        assertThat(r.best().start()).isEqualTo(at(2));
        assertThat(r.best().cost()).isCloseTo(2 * (0.10 + 0.5 * 0.10), within(1e-12));
    }

    @Test
    void deadlineBeforeTheJobCouldFinish() {
        assertThatThrownBy(() -> Scheduler.plan(s, job(3, at(2), Objective.COST, false)))
                .isInstanceOf(PlannerException.class)
                .hasMessageContaining("the deadline 2025-01-01T02:00:00Z is before the job could finish")
                .hasMessageContaining("ends 2025-01-01T03:00:00Z");
        assertThatThrownBy(() -> Scheduler.plan(s, job(7, at(9), Objective.COST, false)))
                .hasMessageContaining("the series ends at 2025-01-01T06:00:00Z");
        assertThatThrownBy(() -> new Job(1, 1, T0, T0, Objective.COST, 0.5, false, List.of()))
                .hasMessageContaining("not after now");
        assertThatThrownBy(() -> new Job(0, 1, at(3), T0, Objective.COST, 0.5, false, List.of())).hasMessageContaining("duration must be a positive number");
        assertThatThrownBy(() -> new Job(1, 1, at(3), T0, Objective.COST, 2, false, List.of())).hasMessageContaining("weight must be a fraction");
        assertThatThrownBy(() -> Objective.parse("speed")).hasMessageContaining("cost, carbon or weighted");
    }

    @Test
    void unknownRegionsAreNamed() {
        assertThatThrownBy(() -> Scheduler.plan(s, job(1, at(6), Objective.COST, false, "DE", "XX")))
                .hasMessageContaining("unknown region 'XX'").hasMessageContaining("[DE, FR]");
    }

    @Test
    void deadlineAfterTheSeriesIsClippedAndSaid() {
        ScheduleResult r = Scheduler.plan(s, job(1, at(100), Objective.COST, false, "DE"));
        assertThat(r.best().start()).isEqualTo(at(5));
        assertThat(r.notes()).anyMatch(n -> n.contains("after the series ends"));
    }

    @Property(tries = 200)
    void contiguousMatchesExhaustiveSearch(@ForAll @Size(min = 4, max = 30) List<@DoubleRange(min = -1, max = 1) Double> prices,
                                           @ForAll @IntRange(min = 1, max = 4) int duration,
                                           @ForAll @IntRange(min = 0, max = 3) int slack) {
        int n = prices.size();
        duration = Math.min(duration, n);
        double[] p = prices.stream().mapToDouble(Double::doubleValue).toArray();
        Series one = series(new double[][] {p}, new double[][] {new double[n]}, "A");
        int deadline = Math.min(n, duration + slack);
        ScheduleResult r = Scheduler.plan(one, new Job(duration, 1, at(deadline), T0, Objective.COST, 0.5, false, List.of()));
        double best = Double.POSITIVE_INFINITY;
        for (int st = 0; st + duration <= deadline; st++) {
            double c = 0;
            for (int h = st; h < st + duration; h++) c += p[h];
            best = Math.min(best, c);
        }
        assertThat(r.best().cost()).isCloseTo(best, within(1e-9));
        // Interruptible is never worse than contiguous.
        ScheduleResult i = Scheduler.plan(one, new Job(duration, 1, at(deadline), T0, Objective.COST, 0.5, true, List.of()));
        assertThat(i.best().cost()).isLessThanOrEqualTo(best + 1e-9);
    }
}
