package dev.wattiq.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wattiq.ledger.Assumption;
import dev.wattiq.ledger.Provenance;
import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.hardware.Precision;
import dev.wattiq.planner.infer.InferencePlanner;
import dev.wattiq.planner.infer.InferenceRequest;
import dev.wattiq.planner.model.ModelArchitecture;
import dev.wattiq.planner.model.ModelCatalog;
import dev.wattiq.planner.train.TrainingPlanner;
import dev.wattiq.planner.train.TrainingRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where each value of a plan came from is data ({@link Provenance}), decided by what the request carries, never by
 * how a source string reads: a figure taken from a models.csv row is that row's, not the user's, and nothing the
 * planner writes names a command-line flag.
 */
class ProvenanceTest {
    private final ModelArchitecture llama = ModelCatalog.shipped().find("llama-2-70b");
    private final Hardware h100 = HardwareCatalog.shipped().find("H100-SXM");

    private static Assumption named(List<Assumption> as, String name) {
        return as.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    private List<Assumption> train(double tokens, Integer devices, int tp) {
        return TrainingPlanner.shipped().estimate(new TrainingRequest(llama.params(), null, tokens, h100, devices, null, null,
                null, null, tp, 1, Precision.BF16, false, llama.id())).assumptions();
    }

    @Test
    void figuresFromAModelRowAreThatRowsAndTheUsersOwnAreTheUsers() {
        List<Assumption> fromRow = train(llama.trainTokens(), null, 1);
        Assumption tokens = named(fromRow, "tokens");
        assertThat(tokens.provenance()).isInstanceOfSatisfying(Provenance.DataFile.class, row -> {
            assertThat(row.name()).isEqualTo("models.csv");
            assertThat(row.row()).isGreaterThan(1);
        });
        assertThat(tokens.isDefault()).as("a shipped row is not the user's figure").isTrue();
        assertThat(tokens.source()).startsWith("models.csv: ");
        assertThat(named(fromRow, "params").provenance()).isEqualTo(tokens.provenance());
        assertThat(named(fromRow, "model").provenance()).isEqualTo(tokens.provenance());
        assertThat(named(fromRow, "devices").provenance()).isEqualTo(Provenance.DEFAULT);
        assertThat(named(fromRow, "tensor_parallel").provenance()).isEqualTo(Provenance.DEFAULT);

        List<Assumption> given = train(1e12, 2048, 8);
        assertThat(named(given, "tokens").provenance()).isEqualTo(Provenance.USER);
        assertThat(named(given, "tokens").source()).isEqualTo("given");
        assertThat(named(given, "devices").provenance().isUser()).isTrue();
        assertThat(named(given, "tensor_parallel").provenance().isUser()).isTrue();
        assertThat(named(given, "params").provenance()).as("params still the row's").isInstanceOf(Provenance.DataFile.class);
    }

    @Test
    void shippedConstantsCiteTheirDefaultsRowAndNoSourceNamesAFlag() {
        List<Assumption> training = train(2e12, 1024, 1);
        List<Assumption> serving = InferencePlanner.shipped().estimate(new InferenceRequest(llama, h100, 4, 16, Precision.FP8,
                null, 400.0, 1e6, null, null, 0.1, true)).assumptions();
        assertThat(named(training, "memory.usable_fraction").provenance()).isInstanceOfSatisfying(Provenance.DataFile.class,
                row -> assertThat(row.name()).isEqualTo("defaults.csv"));
        assertThat(named(serving, "infer.default_input_tokens").provenance()).isInstanceOf(Provenance.DataFile.class);
        assertThat(named(serving, "output_tokens").provenance()).isEqualTo(Provenance.USER);
        assertThat(serving).noneMatch(a -> a.name().equals("infer.default_output_tokens"));
        assertThat(named(serving, "precision").provenance()).isEqualTo(Provenance.USER);
        assertThat(named(serving, "params").provenance()).isEqualTo(ModelCatalog.shipped().provenance(llama));
        for (Assumption a : java.util.stream.Stream.concat(training.stream(), serving.stream()).toList()) {
            assertThat(a.source()).as(a.name()).doesNotContain("--").doesNotContain("user flag");
        }
    }
}
