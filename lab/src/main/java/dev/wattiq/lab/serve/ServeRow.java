package dev.wattiq.lab.serve;

import dev.wattiq.ledger.Point;
import java.util.Map;

/**
 * One measured configuration of the serving sweep.
 *
 * @param precision       fp32 or int8
 * @param batch           sentences per inference call
 * @param threads         ONNX Runtime intra-op threads
 * @param embeddings      sentences embedded inside the measurement window
 * @param energyJoules    energy charged to the window by the meter, in joules; NaN when no sensor was available
 * @param method          how that energy was obtained ({@code measured}, {@code integrated}, {@code estimated}, or
 *                        {@code none} without sensors)
 * @param durationSeconds the window's length, in seconds
 * @param latencyP50Ms    median per-batch latency (tokenise + infer + pool), in milliseconds
 * @param latencyP99Ms    99th-percentile per-batch latency, in milliseconds
 * @param fidelityCosine  mean cosine similarity of these embeddings to the fp32 reference embeddings
 * @param topkOverlap     mean share of the fp32 reference's top-k neighbours that these embeddings also retrieve
 */
public record ServeRow(Precision precision, int batch, int threads, int embeddings, double energyJoules, String method,
                       double durationSeconds, double latencyP50Ms, double latencyP99Ms,
                       double fidelityCosine, double topkOverlap) {

    /** Energy per 1,000 embeddings, in joules; NaN without an energy figure. */
    public double joulesPer1k() {
        return energyJoules / embeddings * 1000.0;
    }

    /** Embeddings per second over the window. */
    public double throughputPerSecond() {
        return embeddings / durationSeconds;
    }

    /** Short name, e.g. {@code serve-int8-b16-t2}. */
    public String name() {
        return "serve-" + precision.label() + "-b" + batch + "-t" + threads;
    }

    /**
     * This configuration as the tuner's {@link Point}, normalised to 1,000 embeddings: energy is J per 1,000,
     * duration the seconds 1,000 embeddings take at the measured throughput, quality the top-k overlap with fp32.
     * Money and CO2e are NaN: the ledger prices a Point at a Site.
     */
    public Point toPoint() {
        return new Point(name(),
                Map.of("precision", precision.label(), "batch", Integer.toString(batch), "threads", Integer.toString(threads),
                        "model", "all-MiniLM-L6-v2", "engine", "onnxruntime"),
                joulesPer1k(), 1000.0 / throughputPerSecond(), Double.NaN, "n/a", Double.NaN, Double.NaN,
                topkOverlap, "top10_overlap_vs_fp32", true);
    }
}
