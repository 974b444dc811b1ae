package dev.wattiq.lab.serve;

/**
 * How faithfully one set of embeddings reproduces a reference set (int8 against fp32): the mean cosine similarity
 * of paired embeddings, and the overlap of top-k neighbour lists on a retrieval task over the corpus.
 */
public final class Fidelity {
    private Fidelity() {
    }

    /** Cosine similarity of two vectors of equal length; 0 when either has zero norm (no direction to compare). */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors differ in length: " + a.length + " vs " + b.length);
        }
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        if (na == 0 || nb == 0) return 0;
        double c = dot / (Math.sqrt(na) * Math.sqrt(nb));
        return Math.max(-1, Math.min(1, c));
    }

    /** Mean cosine similarity between {@code test[i]} and {@code reference[i]} over all i. */
    public static double meanCosine(float[][] reference, float[][] test) {
        requireSameCount(reference, test);
        double sum = 0;
        for (int i = 0; i < reference.length; i++) sum += cosine(reference[i], test[i]);
        return sum / reference.length;
    }

    /**
     * The {@code k} corpus items most similar (cosine) to item {@code query}, best first, excluding the query itself;
     * ties go to the lower index.
     */
    public static int[] topK(float[][] corpus, int query, int k) {
        if (k < 1 || k > corpus.length - 1) {
            throw new IllegalArgumentException("k must be 1 to " + (corpus.length - 1) + " for a corpus of "
                    + corpus.length + ", got " + k);
        }
        int[] best = new int[k];
        double[] score = new double[k];
        int filled = 0;
        for (int i = 0; i < corpus.length; i++) {
            if (i == query) continue;
            double s = cosine(corpus[query], corpus[i]);
            if (filled == k && s <= score[k - 1]) continue;
            int pos = filled < k ? filled++ : k - 1;
            while (pos > 0 && score[pos - 1] < s) {
                score[pos] = score[pos - 1];
                best[pos] = best[pos - 1];
                pos--;
            }
            score[pos] = s;
            best[pos] = i;
        }
        return best;
    }

    /** |a ∩ b| / |a|: the share of the reference list {@code a} that {@code b} also retrieves (lists hold distinct ids). */
    public static double overlap(int[] a, int[] b) {
        if (a.length == 0) throw new IllegalArgumentException("the reference neighbour list is empty");
        int hits = 0;
        for (int x : a) {
            for (int y : b) {
                if (x == y) {
                    hits++;
                    break;
                }
            }
        }
        return (double) hits / a.length;
    }

    /** Mean top-k overlap over the given queries: neighbours by {@code test} against neighbours by {@code reference}. */
    public static double meanTopKOverlap(float[][] reference, float[][] test, int[] queries, int k) {
        requireSameCount(reference, test);
        if (queries.length == 0) throw new IllegalArgumentException("no queries: give at least one query index");
        double sum = 0;
        for (int q : queries) sum += overlap(topK(reference, q, k), topK(test, q, k));
        return sum / queries.length;
    }

    /** {@code count} query indices spread evenly over a corpus of {@code size} items. */
    public static int[] spreadQueries(int size, int count) {
        int n = Math.min(size, count);
        int[] q = new int[n];
        for (int i = 0; i < n; i++) q[i] = (int) ((long) i * size / n);
        return q;
    }

    private static void requireSameCount(float[][] reference, float[][] test) {
        if (reference.length != test.length || reference.length == 0) {
            throw new IllegalArgumentException("embedding sets must be non-empty and of equal size: "
                    + reference.length + " vs " + test.length);
        }
    }
}
