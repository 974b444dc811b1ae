package dev.wattiq.lab.serve;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One ONNX Runtime session of all-MiniLM-L6-v2 at a given precision and intra-op thread count, with the model's own
 * tokenizer: sentences in, L2-normalised 384-dimension sentence embeddings out (mean pooling over the attention
 * mask, as sentence-transformers does for this model). Batches are padded to their longest sentence.
 * Not thread-safe: one caller at a time.
 */
public final class Embedder implements AutoCloseable {
    /** Longest input in tokens; longer sentences are truncated (the model was trained on 256). */
    public static final int MAX_TOKENS = 256;

    private final Precision precision;
    private final int threads;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean wantsTypeIds;

    private Embedder(Precision precision, int threads, OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer) {
        this.precision = precision;
        this.threads = threads;
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
        this.wantsTypeIds = session.getInputNames().contains("token_type_ids");
    }

    /** Opens a session from the shipped model of {@code precision}, with {@code threads} intra-op threads. */
    public static Embedder open(Precision precision, int threads) throws ServeException {
        return open(precision, precision.modelBytes(), threads);
    }

    /** As {@link #open(Precision, int)}, with the model bytes already read (several sessions share one copy). */
    public static Embedder open(Precision precision, byte[] modelBytes, int threads) throws ServeException {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        HuggingFaceTokenizer tokenizer = tokenizer(precision);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // Idle worker threads sleep instead of spinning: on a shared machine spinning burns other tenants' CPU.
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            return new Embedder(precision, threads, env, env.createSession(modelBytes, options), tokenizer);
        } catch (OrtException e) {
            tokenizer.close();
            throw new ServeException("ONNX Runtime could not load the " + precision.label() + " model: " + e.getMessage()
                    + "; check that the onnxruntime jar matches this platform (linux-x64, osx, win-x64)", e);
        }
    }

    private static HuggingFaceTokenizer tokenizer(Precision precision) throws ServeException {
        Map<String, String> options = Map.of(
                "padding", "false",
                "truncation", "true",
                "maxLength", Integer.toString(MAX_TOKENS),
                "addSpecialTokens", "true");
        try (InputStream in = precision.tokenizerStream()) {
            return HuggingFaceTokenizer.newInstance(in, options);
        } catch (IOException | RuntimeException e) {
            throw new ServeException("cannot load the " + precision.label() + " tokenizer: " + e.getMessage()
                    + "; the tokenizer's native library unpacks into ~/.djl.ai (or DJL_CACHE_DIR): make that writable", e);
        }
    }

    public Precision precision() {
        return precision;
    }

    public int threads() {
        return threads;
    }

    /** Embeds one batch; returns one unit-length vector per sentence, in order. */
    public float[][] embed(List<String> sentences) throws ServeException {
        if (sentences.isEmpty()) return new float[0][];
        Encoding[] enc = tokenizer.batchEncode(sentences);
        int batch = enc.length;
        int len = 0;
        for (Encoding e : enc) len = Math.max(len, e.getIds().length);
        long[] ids = new long[batch * len];
        long[] mask = new long[batch * len];
        long[] types = new long[batch * len];
        for (int b = 0; b < batch; b++) {
            long[] id = enc[b].getIds();
            long[] m = enc[b].getAttentionMask();
            long[] t = enc[b].getTypeIds();
            System.arraycopy(id, 0, ids, b * len, id.length);
            System.arraycopy(m, 0, mask, b * len, m.length);
            System.arraycopy(t, 0, types, b * len, t.length);
        }
        long[] shape = {batch, len};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (wantsTypeIds) inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape));
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxValue out = result.get(0);
                float[][][] hidden = (float[][][]) out.getValue();
                return meanPoolNormalised(hidden, mask, len);
            }
        } catch (OrtException e) {
            throw new ServeException("ONNX Runtime failed on a batch of " + batch + " (" + precision.label() + "): "
                    + e.getMessage(), e);
        } finally {
            for (OnnxTensor t : inputs.values()) t.close();
        }
    }

    /** Mean of the token vectors where the mask is 1, scaled to unit length. */
    static float[][] meanPoolNormalised(float[][][] hidden, long[] mask, int len) {
        float[][] out = new float[hidden.length][];
        for (int b = 0; b < hidden.length; b++) {
            int dim = hidden[b][0].length;
            double[] sum = new double[dim];
            int count = 0;
            for (int t = 0; t < hidden[b].length; t++) {
                if (mask[b * len + t] == 0) continue;
                count++;
                for (int d = 0; d < dim; d++) sum[d] += hidden[b][t][d];
            }
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                sum[d] /= Math.max(1, count);
                norm += sum[d] * sum[d];
            }
            norm = Math.max(Math.sqrt(norm), 1e-12);
            float[] v = new float[dim];
            for (int d = 0; d < dim; d++) v[d] = (float) (sum[d] / norm);
            out[b] = v;
        }
        return out;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException ignored) {
            // the session's native memory is released with the process in any case
        }
        tokenizer.close();
    }
}
