package dev.wattiq.app.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.wattiq.app.run.Bills;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.SqliteRunStore;
import dev.wattiq.app.store.StoredRuns;
import dev.wattiq.ledger.Bill;
import dev.wattiq.ledger.Site;
import dev.wattiq.meter.ManualClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job's report from runs whose times come from a clock the test moves: no process, no sleep; read back from a real store. */
class JobReportTest {
    @TempDir
    Path home;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));

    /** A run of {@code seconds} of job j starting at the clock's time on {@code host} (no end while running). */
    private RunRecord run(String id, String host, String scope, String status, double joules, double seconds, Bill bill) {
        return StoredRuns.measured(id, status, clock.wallTime(), seconds, joules, Map.of(), "j", host, scope, bill);
    }

    private Bill bill(String currency, double joules) {
        Site site = Site.builder().region("FR").currency(currency, "test").price(0.2, "test").build();
        return Bills.bill(site, clock.wallTime(), 1.0, joules, List.of());
    }

    @Test
    void ranksAreSummedAndTheWallTimeRunsFromTheFirstStartToTheLastEnd() {
        RunRecord r0 = run("r0", "node-a", "process", "complete", 100, 10, bill("EUR", 100));
        clock.advance(Duration.ofSeconds(5)); // r1 starts 5 s after r0, while r0 runs, and ends 25 s after r0 began
        RunRecord r1 = run("r1", "node-b", "process", "complete", 60, 20, bill("EUR", 60));
        JobReport rep = JobReport.of("j", List.of(r0, r1));
        assertThat(rep.totalJoules()).isEqualTo(160);
        assertThat(rep.joulesByHost()).containsEntry("node-a", 100.0).containsEntry("node-b", 60.0);
        assertThat(rep.wallSeconds()).isCloseTo(25, within(1e-9));
        assertThat(rep.cost()).isCloseTo(r0.bill().cost().amount() + r1.bill().cost().amount(), within(1e-12));
        assertThat(rep.notes()).isEmpty();
        StringWriter text = new StringWriter();
        ReportText.print(new PrintWriter(text), rep);
        assertThat(text.toString()).contains("job j: 2 run(s) on 2 host(s), 25.0 s wall, measured");
        assertThat(ReportText.json(rep).get("wall_s").asDouble()).isCloseTo(25, within(1e-9));
    }

    @Test
    void machineScopeRunsOnOneHostARunStillGoingAndMixedCurrenciesAreNoted() {
        RunRecord a = run("a", "node-a", "machine", "complete", 50, 4, bill("EUR", 50));
        clock.advance(Duration.ofSeconds(5));
        RunRecord b = run("b", "node-a", "machine", "running", 30, 2, bill("USD", 30));
        JobReport rep = JobReport.of("j", List.of(a, b));
        assertThat(rep.notes()).anyMatch(n -> n.startsWith("2 runs on node-a used --scope machine"))
                .anyMatch(n -> n.equals("1 run(s) still running: their energy so far is included"));
        assertThat(rep.cost()).isNaN();
        assertThat(rep.currency()).isNull();
        assertThat(rep.notes()).contains("the runs were priced in different currencies: no total cost");
        assertThat(rep.wallSeconds()).as("a running run counts up to its start").isCloseTo(5, within(1e-9));
    }

    @Test
    void theRequestReadsTheJobsRunsFromTheStoreOldestFirstAndLeavesOtherJobsOut() throws Exception {
        RunRecord r0 = run("r0", "node-a", "process", "complete", 100, 10, bill("EUR", 100));
        clock.advance(Duration.ofSeconds(5));
        RunRecord r1 = run("r1", "node-b", "process", "complete", 60, 20, bill("EUR", 60));
        RunRecord other = StoredRuns.measured("o", "complete", clock.wallTime(), 1, 999, Map.of(), "other-job", "node-a", "process", null);
        StoredRuns.put(home, r0, r1, other);
        JobReport rep;
        try (SqliteRunStore store = SqliteRunStore.openForReading(home)) {
            rep = JobReport.of(new ReportRequest("j"), store);
        }
        assertThat(rep.job()).isEqualTo("j");
        assertThat(rep.runs()).extracting(RunRecord::runId).containsExactly("r0", "r1");
        assertThat(rep.totalJoules()).isEqualTo(160);
        assertThat(rep.joulesByHost()).containsEntry("node-a", 100.0).containsEntry("node-b", 60.0);
        assertThat(rep.wallSeconds()).isCloseTo(25, within(1e-9));
    }

    @Test
    void aJobWithoutRunsAndABlankJobAreUserErrors() throws Exception {
        StoredRuns.put(home, run("r0", "node-a", "process", "complete", 100, 10, null));
        try (SqliteRunStore store = SqliteRunStore.openForReading(home)) {
            assertThatThrownBy(() -> JobReport.of(new ReportRequest("nope"), store)).isInstanceOf(Errors.UserError.class)
                    .hasMessageStartingWith("no runs of job 'nope' in " + store.location())
                    .hasMessageEndingWith("'wattiq run --job nope -- CMD' (with the same --store on every node)");
        }
        assertThatThrownBy(() -> new ReportRequest(" ")).isInstanceOf(Errors.UserError.class)
                .hasMessage("--job needs a job id, e.g. --job train-42");
    }
}
