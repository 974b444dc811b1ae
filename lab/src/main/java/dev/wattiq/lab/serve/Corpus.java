package dev.wattiq.lab.serve;

import dev.wattiq.meter.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The shipped workload: sentences of Jane Austen's <i>Pride and Prejudice</i> (1813, public domain), one per line.
 * Where they come from and how they were cut is in {@code README.md} beside {@code corpus.txt}.
 */
public final class Corpus {
    /** Class-path name of the sentence file. */
    public static final String RESOURCE = "dev/wattiq/lab/serve/corpus.txt";

    private final List<String> sentences;

    private Corpus(List<String> sentences) {
        this.sentences = List.copyOf(sentences);
    }

    /** The shipped corpus (3,000 sentences). */
    public static Corpus shipped() throws ServeException {
        try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new ServeException(RESOURCE + " is missing from the class path: rebuild wattiq-lab");
            return of(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new ServeException("cannot read " + RESOURCE + ": " + e.getMessage() + "; rebuild wattiq-lab", e);
        }
    }

    /** A corpus of the given lines; blank lines are dropped. */
    public static Corpus of(List<String> lines) {
        return new Corpus(lines.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    public List<String> sentences() {
        return sentences;
    }

    public int size() {
        return sentences.size();
    }

    /** The first {@code n} sentences. */
    public List<String> first(int n) {
        if (n < 1 || n > sentences.size()) {
            throw new UserInputException("the corpus has " + sentences.size() + " sentences; asked for " + n
                    + ": choose 1 to " + sentences.size());
        }
        return sentences.subList(0, n);
    }
}
