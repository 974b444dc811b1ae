package dev.wattiq.lab.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServeConfigTest {
    private static final List<Precision> BOTH = List.of(Precision.FP32, Precision.INT8);

    @Test
    void fullSweepCoversBatchOneToSixtyFourAndEveryCore() {
        ServeConfig full = ServeConfig.full(4);
        assertThat(full.batches()).containsExactly(1, 2, 4, 8, 16, 32, 64);
        assertThat(full.threads()).containsExactly(1, 2, 3, 4);
        assertThat(full.configurations()).isEqualTo(2 * 7 * 4);
        assertThat(ServeConfig.quick().configurations()).isEqualTo(4);
    }

    @Test
    void malformedSweepsAreRejectedWithTheFix() {
        assertThatThrownBy(() -> new ServeConfig(List.of(), List.of(1), List.of(1), 20, 5, 10, false))
                .hasMessageContaining("give fp32, int8 or both");
        assertThatThrownBy(() -> new ServeConfig(BOTH, List.of(0), List.of(1), 20, 5, 10, false))
                .hasMessage("batch size 0 is out of range: use 1 to 1024");
        assertThatThrownBy(() -> new ServeConfig(BOTH, List.of(1), List.of(300), 20, 5, 10, false))
                .hasMessage("thread count 300 is out of range: use 1 to 256");
        assertThatThrownBy(() -> new ServeConfig(BOTH, List.of(4, 4), List.of(1), 20, 5, 10, false))
                .hasMessageContaining("repeat");
        assertThatThrownBy(() -> new ServeConfig(BOTH, List.of(1), List.of(), 20, 5, 10, false))
                .hasMessageContaining("no thread count given");
        assertThatThrownBy(() -> new ServeConfig(BOTH, List.of(1), List.of(1), 10, 5, 10, false))
                .hasMessageContaining("at least top-k + 1 = 11 sentences");
        assertThatThrownBy(() -> new ServeConfig(List.of(Precision.INT8, Precision.INT8), List.of(1), List.of(1), 20, 5, 10, false))
                .hasMessageContaining("precisions repeat");
    }

    @Test
    void precisionsParseByLabel() {
        assertThat(Precision.parse(" INT8 ")).isEqualTo(Precision.INT8);
        assertThat(Precision.parse("fp32")).isEqualTo(Precision.FP32);
        assertThatThrownBy(() -> Precision.parse("bf16")).hasMessage("unknown precision 'bf16': use fp32 or int8");
    }

    @Test
    void shippedCorpusHasThreeThousandSentences() throws Exception {
        Corpus c = Corpus.shipped();
        assertThat(c.size()).isEqualTo(3000);
        assertThat(c.sentences().getFirst()).startsWith("It is a truth universally acknowledged");
        assertThatThrownBy(() -> c.first(3001)).hasMessageContaining("choose 1 to 3000");
    }
}
