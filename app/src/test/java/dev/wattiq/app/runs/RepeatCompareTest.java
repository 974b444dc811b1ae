package dev.wattiq.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wattiq.app.cli.Cli;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wattiq run --repeat N} on real child processes, then {@code wattiq compare} of the stored groups and runs. */
class RepeatCompareTest {
    @TempDir
    Path tmp;

    private Path home() {
        return tmp.resolve("home");
    }

    private JsonNode repeat(String name, String... command) {
        Cli.Measured m = Cli.measure(home(), tmp.resolve(name + ".json"), List.of("--repeat", "3", "--interval", "10ms"), List.of(command));
        assertThat(m.result().err()).contains("3 runs of group rep-").contains("energy_j.total").contains("median");
        return m.json();
    }

    @Test
    void repeatedRunsAreStoredGroupedAndSummarised() throws Exception {
        JsonNode j = repeat("a", "sh", "-c", "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done");
        assertThat(j.get("repeat").asInt()).isEqualTo(3);
        assertThat(j.get("completed").asInt()).isEqualTo(3);
        assertThat(j.get("runs")).hasSize(3);
        String group = j.get("repeat_group").asText();
        assertThat(group).startsWith("rep-");
        for (JsonNode run : j.get("runs")) assertThat(run.get("labels").get("repeat_group").asText()).isEqualTo(group);
        JsonNode e = j.get("figures").get("energy_j.total");
        assertThat(e.get("n").asInt()).isEqualTo(3);
        assertThat(e.get("min").asDouble()).isLessThanOrEqualTo(e.get("median").asDouble());
        assertThat(e.get("median").asDouble()).isLessThanOrEqualTo(e.get("max").asDouble());
        double min = Double.MAX_VALUE;
        for (JsonNode run : j.get("runs")) min = Math.min(min, run.get("energy_j").get("total").asDouble());
        assertThat(e.get("min").asDouble()).isEqualTo(min);
        assertThat(j.get("figures").has("duration_s")).isTrue();

        JsonNode k = repeat("b", "sleep", "0.8");
        Cli.Result c = Cli.run(home(), "compare", group, k.get("repeat_group").asText());
        assertThat(c.exitCode()).as(c.err()).isZero();
        assertThat(c.out()).contains("A: 3 runs").contains("B: 3 runs").contains("duration_s").containsPattern("energy: (no significant|B uses)");
        // sleeping 0.8 s against a loop of a few ms: the durations differ beyond their spread
        JsonNode cmp = Cli.json(home(), "compare", "--json", group, k.get("repeat_group").asText());
        assertThat(cmp.get("figures").get("duration_s").get("verdict").asText()).isEqualTo("higher");
        assertThat(cmp.get("a_run_ids")).hasSize(3);
        // a single run against a group, and a label naming the group
        String one = j.get("run_ids").get(0).asText();
        Cli.Result single = Cli.run(home(), "compare", one, "repeat_group=" + k.get("repeat_group").asText());
        assertThat(single.exitCode()).as(single.err()).isZero();
        assertThat(single.out()).contains("A: 1 run (" + one + ")");
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        Cli.Result zero = Cli.run(home(), "run", "--repeat", "0", "--", "true");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err().strip()).isEqualTo("wattiq: --repeat must be at least 1, got 0 (e.g. --repeat 5)");
        Cli.Result negative = Cli.run(home(), "run", "--repeat", "-3", "--", "true");
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err().strip().lines()).hasSize(1);
        Cli.Result words = Cli.run(home(), "run", "--repeat", "many", "--", "true");
        assertThat(words.exitCode()).isEqualTo(2);
        assertThat(Cli.run(home(), "run", "--", "true").exitCode()).isZero();
        Cli.Result unknown = Cli.run(home(), "compare", "20990101-000000-000000", "nope=nothing");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip().lines()).hasSize(1);
        assertThat(unknown.err()).contains("A: no completed run, repeat group or label '20990101-000000-000000'").contains("wattiq runs");
        Cli.Result badLabel = Cli.run(home(), "compare", "=x", "y=");
        assertThat(badLabel.exitCode()).isEqualTo(2);
        assertThat(badLabel.err().strip()).isEqualTo("wattiq: A: '=x' is not KEY=VALUE (e.g. model=tiny), a run id or a repeat group");
        assertThat(Cli.run(home(), "compare", "only-one").exitCode()).isEqualTo(2);
    }
}
