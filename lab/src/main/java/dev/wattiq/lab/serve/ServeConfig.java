package dev.wattiq.lab.serve;

import dev.wattiq.meter.UserInputException;
import java.util.List;

/**
 * The knobs of one sweep. Every combination of precision, batch size and thread count is one measured
 * configuration; precisions are interleaved (fp32 and int8 back to back at each batch and thread count, the order
 * alternating) so that load from other tenants of the machine hits both alike.
 *
 * @param precisions which models to run
 * @param batches    batch sizes, each 1 to 1,024
 * @param threads    ONNX Runtime intra-op thread counts, each 1 to 256
 * @param sentences  how many corpus sentences each configuration embeds (the workload)
 * @param queries    how many of them serve as retrieval queries for the top-k overlap
 * @param topK       neighbours per query (10 in the issue)
 * @param lengthSorted batch sentences of similar length together (sorted by characters) instead of in corpus
 *                   order, so that padding to the longest sentence in a batch wastes less compute
 */
public record ServeConfig(List<Precision> precisions, List<Integer> batches, List<Integer> threads,
                          int sentences, int queries, int topK, boolean lengthSorted) {

    public ServeConfig {
        precisions = List.copyOf(precisions);
        batches = List.copyOf(batches);
        threads = List.copyOf(threads);
        if (precisions.isEmpty()) throw new UserInputException("no precision to run: give fp32, int8 or both");
        if (precisions.stream().distinct().count() != precisions.size()) {
            throw new UserInputException("precisions repeat: " + precisions + "; give each once");
        }
        check("batch size", batches, 1024);
        check("thread count", threads, 256);
        if (topK < 1) throw new UserInputException("top-k must be at least 1, got " + topK);
        if (sentences < topK + 1) {
            throw new UserInputException("need at least top-k + 1 = " + (topK + 1) + " sentences for the retrieval task, got "
                    + sentences);
        }
        if (queries < 1) throw new UserInputException("queries must be at least 1, got " + queries);
    }

    private static void check(String what, List<Integer> values, int max) {
        if (values.isEmpty()) throw new UserInputException("no " + what + " given: give at least one");
        for (int v : values) {
            if (v < 1 || v > max) throw new UserInputException(what + " " + v + " is out of range: use 1 to " + max);
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new UserInputException(what + "s repeat: " + values + "; give each once");
        }
    }

    /** The full sweep: batch 1 to 64 in powers of two, 1 to {@code cores} threads, both precisions, 1,000 sentences. */
    public static ServeConfig full(int cores) {
        return new ServeConfig(List.of(Precision.FP32, Precision.INT8), List.of(1, 2, 4, 8, 16, 32, 64),
                rangeTo(cores), 1000, 200, 10, false);
    }

    /** A short sweep for {@code wattiq demo}: batch 1 and 16, one thread, both precisions, 64 sentences (seconds). */
    public static ServeConfig quick() {
        return new ServeConfig(List.of(Precision.FP32, Precision.INT8), List.of(1, 16), List.of(1), 64, 32, 10, false);
    }

    /** 1, 2, ..., n (at least 1). */
    public static List<Integer> rangeTo(int n) {
        return java.util.stream.IntStream.rangeClosed(1, Math.max(1, n)).boxed().toList();
    }

    /** How many configurations the sweep measures. */
    public int configurations() {
        return precisions.size() * batches.size() * threads.size();
    }
}
