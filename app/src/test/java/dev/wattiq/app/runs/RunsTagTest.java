package dev.wattiq.app.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wattiq.app.cli.Cli;
import dev.wattiq.app.cli.Errors;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wattiq runs tag} through the real CLI and a real SQLite store: quality attached after a run, read by
 * {@code tune lab}, and a run too short to charge left out of the frontier rather than made its 0 J balance point.
 */
class RunsTagTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private String run(String... command) {
        return Cli.measure(home, home.resolve("run-" + System.nanoTime() + ".json"), List.of(), List.of(command)).json().get("run_id").asText();
    }

    @Test
    void tagsAttachQualityThatTuneLabUsesAndRunsWithoutItAreLeftOut() throws Exception {
        String slow = run("sh", "-c", "i=0; while [ $i -lt 150000 ]; do i=$((i+1)); done");
        String fast = run("sh", "-c", "i=0; while [ $i -lt 60000 ]; do i=$((i+1)); done");
        String untagged = run("sh", "-c", "i=0; while [ $i -lt 60000 ]; do i=$((i+1)); done");
        // a run too short to charge in full, stored as wattiq stores one (whether a real `true` ends before its sensors open
        // depends on the machine's load)
        String tiny = "tiny-run";
        try (dev.wattiq.app.store.SqliteRunStore s = dev.wattiq.app.store.SqliteRunStore.open(home)) {
            java.time.Instant t0 = java.time.Instant.now();
            s.begin(new dev.wattiq.app.store.RunStart(tiny, List.of("true"), t0, "process", 0.1, Map.of(), null, "h", 1, null, null));
            s.finish(new dev.wattiq.app.store.RunRecord(tiny, "complete", List.of("true"), 0, t0, t0.plusMillis(2), 0.002, "process", 0.1,
                    Map.of(), null, "h", "estimated", 0.0276, Map.of("cpu", 0.0276), 13.8, 13.8, Double.NaN, 0, List.of(), Map.of(),
                    List.of(dev.wattiq.app.store.RunRecord.TOO_SHORT + "memory: the command ended before its sensors could open"), null));
        }

        Cli.Result t = Cli.run(home, "runs", "tag", slow, "accuracy=0.95", "note=slow");
        assertThat(t.exitCode()).as(t.err()).isZero();
        assertThat(t.out()).contains("run " + slow + " tagged: {accuracy=0.95, note=slow}");
        assertThat(Cli.run(home, "runs", "tag", fast.substring(0, fast.length() - 2), "accuracy=0.90").exitCode()).isZero(); // a unique prefix
        assertThat(Cli.run(home, "runs", "tag", tiny, "accuracy=0.99").exitCode()).isZero();
        assertThat(Cli.run(home, "runs", "tag", slow, "accuracy=0.96").exitCode()).as("a later tag replaces").isZero();

        JsonNode labels = Cli.json(home, "show", slow, "--json").get("labels");
        assertThat(labels.get("accuracy").asText()).isEqualTo("0.96");
        assertThat(labels.get("note").asText()).isEqualTo("slow");

        Path lab = home.resolve("lab.json");
        Cli.Result f = Cli.run(home, "tune", "lab", "--quality-label", "accuracy", "--json-out", lab.toString());
        assertThat(f.exitCode()).as(f.err()).isZero();
        JsonNode n = JSON.readTree(lab.toFile());
        List<String> ids = n.get("runs").findValuesAsText("run_id");
        assertThat(ids).containsExactlyInAnyOrder(slow, fast).doesNotContain(untagged, tiny);
        for (JsonNode r : n.get("runs")) {
            assertThat(r.get("energy_j").asDouble()).isPositive();
            assertThat(r.get("cost").isNumber()).as("priced, never NaN/null: " + r).isTrue();
        }
        assertThat(n.get("recommended").get("run_id").asText()).isIn(slow, fast);
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        String id = run("true");
        for (String[] args : List.of(new String[] {"runs", "tag", id, "accuracy"}, new String[] {"runs", "tag", id, "=0.9"},
                new String[] {"runs", "tag", id, "acc uracy=0.9"}, new String[] {"runs", "tag", id, "accuracy="},
                new String[] {"runs", "tag", id})) {
            Cli.Result r = Cli.run(home, args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip()).as(r.err()).doesNotContain("\n").containsAnyOf("malformed tag", "no tag given")
                    .contains("accuracy=0.91");
        }
        Cli.Result unknown = Cli.run(home, "runs", "tag", "no-such-run", "accuracy=0.9");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).doesNotContain("\n").contains("no run 'no-such-run'", "wattiq runs");
        // nothing was written by the failures
        assertThat(Cli.json(home, "show", id, "--json").get("labels").size()).isZero();
    }

    @Property
    void wellFormedPairsRoundTrip(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String key,
                                  @ForAll @NumericChars @StringLength(min = 1, max = 12) String value) {
        assertThat(TagPairs.parse(List.of(key + "=" + value, key + "_2=x=y"))).isEqualTo(Map.of(key, value, key + "_2", "x=y"));
    }

    @Property
    void aPairWithoutAnEqualsSignIsRefused(@ForAll @StringLength(max = 30) String s) {
        String noEquals = s.replace("=", "");
        assertThatThrownBy(() -> TagPairs.parse(List.of(noEquals))).isInstanceOf(Errors.UserError.class)
                .hasMessageStartingWith("malformed tag").hasMessageNotContaining("\n");
    }
}
