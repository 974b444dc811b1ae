package dev.wattiq.planner.fit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FamilyTest {
    @ParameterizedTest
    @CsvSource({"Llama 2 13B,llama-2", "Llama 2 70B,llama-2", "meta-llama/Llama-2-70b-chat-hf,llama-2", "LLaMA-65B,llama",
            "Llama 3.1 405B,llama-3.1", "meta-llama/Llama-3.1-8B-Instruct,llama-3.1", "Qwen/Qwen3-30B-A3B-Instruct-2507,qwen3",
            "Qwen/Qwen3-235B-A22B-Thinking-2507-FP8,qwen3", "google/gemma-3-12b-it,gemma-3", "openai/gpt-oss-20b,gpt-oss",
            "deepseek-ai/DeepSeek-V3.1,deepseek", "GPT-3 175B,gpt-3", "Mixtral 8x7B,mixtral",
            "'BLOOM-176B (final training, dynamic power only)',bloom"})
    void sizesVariantsAndRemarksAreDropped(String name, String family) {
        assertThat(Family.of(name)).isEqualTo(family);
    }
}
