import dev.wattiq.lab.engine.NormalRandom;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Time to draw the seed loop's 101,000 standard normals per step: WattIQ's NormalRandom (xoshiro256++ and a
 * 128-layer ziggurat) against the JDK's generators (nextGaussian: a modified ziggurat in RandomSupport since JDK 17;
 * java.util.Random keeps the polar method). Run by bench/lab.sh; prints medians of 7 rounds of 200 draws of 101k.
 */
public class NormalBench {
    static final int N = 101_000;

    interface Fill { void fill(float[] a); }

    static double median(Fill f) {
        float[] a = new float[N];
        double[] t = new double[7];
        for (int w = 0; w < 50; w++) f.fill(a);
        for (int r = 0; r < t.length; r++) {
            long s = System.nanoTime();
            for (int k = 0; k < 200; k++) f.fill(a);
            t[r] = (System.nanoTime() - s) / 1e3 / 200;
        }
        java.util.Arrays.sort(t);
        return t[t.length / 2];
    }

    static Fill jdk(RandomGenerator g) {
        return a -> { for (int i = 0; i < a.length; i++) a[i] = (float) g.nextGaussian(); };
    }

    public static void main(String[] args) {
        NormalRandom nr = new NormalRandom(1);
        System.out.printf("rng NormalRandom(xoshiro256++ ziggurat)   us_per_101k=%.1f%n", median(nr::fill));
        System.out.printf("rng L64X128MixRandom.nextGaussian         us_per_101k=%.1f%n", median(jdk(RandomGenerator.of("L64X128MixRandom"))));
        System.out.printf("rng SplittableRandom.nextGaussian         us_per_101k=%.1f%n", median(jdk(new SplittableRandom(1))));
        System.out.printf("rng java.util.Random.nextGaussian (polar) us_per_101k=%.1f%n", median(jdk(new Random(1))));
    }
}
