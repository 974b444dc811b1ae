package dev.wattiq.planner.model;

import dev.wattiq.planner.UnknownNameException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelCatalogTest {
    private final ModelCatalog catalog = ModelCatalog.shipped();

    @Test
    void publishedArchitecturesHaveSizesTokensAndSources() {
        ModelArchitecture m = catalog.find("llama-2-70b");
        assertThat(m.params()).isEqualTo(69e9);
        assertThat(m.trainTokens()).isEqualTo(2e12);
        assertThat(m.kvElementsPerToken()).isEqualTo(80 * 2 * 8 * 128);
        assertThat(m.source()).contains("Touvron");
        for (String id : new String[] {"gpt-3-175b", "bloom-176b", "llama-3-70b", "gopher-280b", "opt-175b"}) {
            assertThat(catalog.find(id).source()).isNotBlank();
        }
        catalog.all().forEach(x -> assertThat(x.activeParams()).isPositive().isLessThanOrEqualTo(x.params()));
    }

    @Test
    void organisationPrefixesAndVariantSuffixesResolve() {
        assertThat(catalog.find("meta-llama/Llama-3.1-405B-Instruct").id()).isEqualTo("llama-3.1-405b");
        assertThat(catalog.find("Qwen/Qwen3-235B-A22B-Instruct-2507-FP8").id()).isEqualTo("qwen3-235b-a22b");
        assertThat(catalog.find("nvidia/NVIDIA-Nemotron-Nano-9B-v2").id()).isEqualTo("nemotron-nano-9b-v2");
        assertThat(catalog.find("deepseek-ai/DeepSeek-V3.1").kvElementsPerToken()).isEqualTo(61 * 576);
    }

    @Test
    void moeModelsKnowTheirExperts() {
        ModelArchitecture m = catalog.find("mixtral-8x7b");
        assertThat(m.isMoe()).isTrue();
        assertThat(catalog.find("llama-2-7b").isMoe()).isFalse();
    }

    @Test
    void unknownModelListsClosestNames() {
        assertThatThrownBy(() -> catalog.find("lama-2-70b")).isInstanceOf(UnknownNameException.class)
                .hasMessageContaining("closest: llama-2-70b");
    }

    @Test
    void genericShapeFollowsLlamaProportions() {
        ModelArchitecture g = ModelArchitecture.generic(70e9, 70e9);
        assertThat(g.layers()).isBetween(70, 80);
        assertThat(g.source()).contains("generic");
    }
}
