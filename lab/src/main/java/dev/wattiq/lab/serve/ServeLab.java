package dev.wattiq.lab.serve;

import dev.wattiq.meter.Measurement;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.UserInputException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The serving experiment: embed the same sentences with all-MiniLM-L6-v2 in every configuration of a
 * {@link ServeConfig}, each inside its own meter window, and score every configuration's embeddings against an fp32
 * reference. The library API behind {@code wattiq lab serve} and the serving part of {@code wattiq demo}:
 *
 * <pre>{@code
 * try (Meter meter = Meter.start(Sensors.select(env).sensors(), env, Duration.ofMillis(100))) {
 *     ServeResult r = ServeLab.run(ServeConfig.quick(), Corpus.shipped(), meter, ServeLab.Listener.NONE);
 * }
 * }</pre>
 */
public final class ServeLab {
    /** Batch size of the untimed fp32 reference pass. */
    static final int REFERENCE_BATCH = 32;

    /** Told about each configuration as it finishes (e.g. to print progress); called on the caller's thread. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (row, done, total) -> { };

        void measured(ServeRow row, int done, int total);
    }

    private ServeLab() {
    }

    /** Runs the sweep; the meter's sensors decide whether rows carry energy (without sensors: NaN and a note). */
    public static ServeResult run(ServeConfig config, Corpus corpus, Meter meter, Listener listener) throws ServeException {
        List<String> sentences = corpus.first(Math.min(config.sentences(), corpus.size()));
        if (sentences.size() < config.sentences()) {
            throw new UserInputException("the corpus has " + corpus.size() + " sentences; asked for " + config.sentences()
                    + ": choose at most " + corpus.size());
        }
        if (config.lengthSorted()) {
            sentences = sentences.stream().sorted(java.util.Comparator.comparingInt(String::length)).toList();
        }
        Map<Precision, byte[]> models = new EnumMap<>(Precision.class);
        models.put(Precision.FP32, Precision.FP32.modelBytes());
        for (Precision p : config.precisions()) if (!models.containsKey(p)) models.put(p, p.modelBytes());

        int[] queries = Fidelity.spreadQueries(sentences.size(), config.queries());
        float[][] reference;
        int refThreads = config.threads().stream().mapToInt(Integer::intValue).max().orElse(1);
        try (Embedder e = Embedder.open(Precision.FP32, models.get(Precision.FP32), refThreads)) {
            reference = embedAll(e, sentences, REFERENCE_BATCH, null);
        }
        int[][] referenceNeighbours = new int[queries.length][];
        for (int i = 0; i < queries.length; i++) referenceNeighbours[i] = Fidelity.topK(reference, queries[i], config.topK());

        boolean metered = !meter.sensors().isEmpty();
        Set<String> notes = new LinkedHashSet<>();
        if (!metered) {
            notes.add("no energy sensor was available, so energy per 1,000 embeddings is not known (latency, throughput "
                    + "and fidelity are): run where RAPL is readable, or let the CPU estimate sensor load");
        }
        List<ServeRow> rows = new ArrayList<>();
        int total = config.configurations();
        for (int threads : config.threads()) {
            Map<Precision, Embedder> open = new EnumMap<>(Precision.class);
            try {
                for (Precision p : config.precisions()) open.put(p, Embedder.open(p, models.get(p), threads));
                for (int bi = 0; bi < config.batches().size(); bi++) {
                    int batch = config.batches().get(bi);
                    List<Precision> order = new ArrayList<>(config.precisions());
                    if (bi % 2 == 1) java.util.Collections.reverse(order);
                    for (Precision p : order) {
                        ServeRow row = measure(open.get(p), batch, sentences, meter, metered, reference, queries,
                                referenceNeighbours, config.topK(), notes);
                        rows.add(row);
                        listener.measured(row, rows.size(), total);
                    }
                }
            } finally {
                for (Embedder e : open.values()) e.close();
            }
        }
        List<String> sensorNames = meter.sensors().stream().map(Sensor::name).toList();
        return new ServeResult(config, rows, sensorNames, meter.assumptions(), List.copyOf(notes));
    }

    private static ServeRow measure(Embedder e, int batch, List<String> sentences, Meter meter, boolean metered,
                                    float[][] reference, int[] queries, int[][] referenceNeighbours, int k,
                                    Set<String> notes) throws ServeException {
        e.embed(sentences.subList(0, Math.min(batch, sentences.size()))); // warm-up, outside the window
        String label = "serve-" + e.precision().label() + "-b" + batch + "-t" + e.threads();
        double[] latencyMs = new double[(sentences.size() + batch - 1) / batch];
        float[][] out;
        Measurement m;
        try (var window = meter.window(label)) {
            out = embedAll(e, sentences, batch, latencyMs);
            m = window.end();
        }
        for (String n : m.notes()) notes.add(label + ": " + n);
        double cosine = Fidelity.meanCosine(reference, out);
        double overlap = 0;
        for (int i = 0; i < queries.length; i++) {
            overlap += Fidelity.overlap(referenceNeighbours[i], Fidelity.topK(out, queries[i], k));
        }
        overlap /= queries.length;
        return new ServeRow(e.precision(), batch, e.threads(), sentences.size(),
                metered ? m.totalJoules() : Double.NaN, metered ? m.method().label() : "none",
                m.durationSeconds(), Latencies.percentile(latencyMs, 50), Latencies.percentile(latencyMs, 99),
                cosine, overlap);
    }

    /** Embeds all sentences in batches of {@code batch}; records each batch's latency (ms) when asked to. */
    static float[][] embedAll(Embedder e, List<String> sentences, int batch, double[] latencyMs) throws ServeException {
        float[][] out = new float[sentences.size()][];
        for (int from = 0, b = 0; from < sentences.size(); from += batch, b++) {
            int to = Math.min(from + batch, sentences.size());
            long t0 = System.nanoTime();
            float[][] v = e.embed(sentences.subList(from, to));
            if (latencyMs != null) latencyMs[b] = (System.nanoTime() - t0) / 1e6;
            System.arraycopy(v, 0, out, from, v.length);
        }
        return out;
    }
}
