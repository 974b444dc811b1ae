package dev.wattiq.app.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.run.Comparison;
import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.SqliteRunStore;
import dev.wattiq.app.store.StoredRuns;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RunsComparison#of} on a real SQLite store of stored runs, without the CLI. */
class RunsComparisonTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path home;

    /** Group rep-a: 100, 104, 98 J; group rep-b: 150, 151, 149.5 J; a run still going in rep-b; one run of model=other. */
    @BeforeEach
    void store() throws Exception {
        double[] a = {100, 104, 98};
        double[] b = {150, 151, 149.5};
        List<RunRecord> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(run("a" + i, "complete", 10 * i, a[i], Map.of("repeat_group", "rep-a", "model", "small")));
            runs.add(run("b" + i, "complete", 100 + 10 * i, b[i], Map.of("repeat_group", "rep-b", "model", "big")));
        }
        runs.add(run("b3", "running", 200, 1, Map.of("repeat_group", "rep-b")));
        runs.add(run("other-1", "complete", 300, 101, Map.of("model", "other")));
        StoredRuns.put(home, runs.toArray(RunRecord[]::new));
    }

    private static RunRecord run(String id, String status, int startSecond, double joules, Map<String, String> labels) {
        return StoredRuns.measured(id, status, T0.plusSeconds(startSecond), 5, joules, labels, null, "h", "process", null);
    }

    private RunsComparison compare(String a, String b) throws Exception {
        try (SqliteRunStore store = SqliteRunStore.openForReading(home)) {
            return RunsComparison.of(CompareRequest.of(a, b), store);
        }
    }

    @Test
    void twoRepeatGroupsAreComparedBeyondTheirSpreadFromTheirCompletedRunsOldestFirst() throws Exception {
        RunsComparison c = compare("rep-a", "rep-b");
        assertThat(c.a()).extracting(RunRecord::runId).containsExactly("a0", "a1", "a2");
        assertThat(c.b()).extracting(RunRecord::runId).containsExactly("b0", "b1", "b2");
        Comparison e = c.energy();
        assertThat(e.a().median()).isEqualTo(100);
        assertThat(e.b().median()).isEqualTo(150);
        assertThat(Comparison.noise(e.a(), e.b())).isEqualTo(6);
        assertThat(e.verdict()).isEqualTo(Comparison.Verdict.HIGHER);
        assertThat(c.figures()).containsKey("duration_s");
        assertThat(compare("rep-b", "rep-a").energy().verdict()).isEqualTo(Comparison.Verdict.LOWER);
        assertThat(compare("rep-a", "rep-a").energy().verdict()).isEqualTo(Comparison.Verdict.WITHIN_NOISE);
    }

    @Test
    void aLabelAndARunIdOrItsPrefixNameTheirRuns() throws Exception {
        RunsComparison c = compare("other-", "model=big");
        assertThat(c.a()).extracting(RunRecord::runId).containsExactly("other-1");
        assertThat(c.b()).extracting(RunRecord::runId).containsExactly("b0", "b1", "b2");
        assertThat(compare("a1", "other-1").energy().verdict()).as("one run each: the spread is unknown").isEqualTo(Comparison.Verdict.UNKNOWN);
    }

    @Test
    void aSideThatNamesNoCompletedRunIsAUserErrorNamingTheSideAndTheStore() throws Exception {
        try (SqliteRunStore store = SqliteRunStore.openForReading(home)) {
            assertThatThrownBy(() -> RunsComparison.of(CompareRequest.of("rep-a", "b3"), store)).isInstanceOf(Errors.UserError.class)
                    .hasMessageStartingWith("B: no completed run, repeat group or label 'b3' in " + store.location());
            assertThatThrownBy(() -> RunsComparison.of(CompareRequest.of("model=none", "rep-b"), store)).isInstanceOf(Errors.UserError.class)
                    .hasMessageStartingWith("A: no completed run, repeat group or label 'model=none'");
        }
    }

    @Test
    void aSideThatIsNeitherKeyValueNorANameIsRefusedBeforeAnyStore() {
        assertThatThrownBy(() -> CompareRequest.of("rep-a", "model=")).isInstanceOf(Errors.UserError.class)
                .hasMessage("B: 'model=' is not KEY=VALUE (e.g. model=tiny), a run id or a repeat group");
        assertThatThrownBy(() -> CompareRequest.of("=x", "rep-a")).isInstanceOf(Errors.UserError.class).hasMessageStartingWith("A: '=x'");
        CompareRequest.Side side = CompareRequest.of("k=v=w", "rep-a").a();
        assertThat(side.label()).isTrue();
        assertThat(side.key()).isEqualTo("k");
        assertThat(side.value()).isEqualTo("v=w");
        assertThat(CompareRequest.of("k=v", "rep-a").b().key()).isEqualTo("repeat_group");
    }
}
