package dev.wattiq.lab.engine;

import java.util.SplittableRandom;

/**
 * Fast standard-normal floats: Marsaglia and Tsang's ziggurat (2000, 128 layers) driven by xoshiro256++
 * (Blackman and Vigna 2018), seeded through SplitMix64 ({@link SplittableRandom}).
 *
 * <p>Each 64-bit output yields two normals: each 32-bit half gives 7 bits of layer index and an independent
 * 25-bit signed value, so the layer and the value never share bits (the flaw Doornik 2005 found in the original
 * code, which reused the index bits in the value). The fast path (about 98.8% of draws) is a multiply and a
 * compare; the wedges and the tail fall back to exact rejection. Not thread-safe: one instance per thread.
 */
public final class NormalRandom {
    private static final int LAYERS = 128;
    private static final double R = 3.442619855899;
    private static final double V = 9.91256303526217e-3;
    private static final double M = 0x1p24; // 25-bit signed value: |v| < 2^24
    private static final int[] KN = new int[LAYERS];
    private static final float[] WN = new float[LAYERS];
    private static final double[] FN = new double[LAYERS];

    static {
        double dn = R;
        double tn = dn;
        double q = V / Math.exp(-0.5 * dn * dn);
        KN[0] = (int) ((dn / q) * M);
        KN[1] = 0;
        WN[0] = (float) (q / M);
        WN[LAYERS - 1] = (float) (dn / M);
        FN[0] = 1.0;
        FN[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
        for (int i = LAYERS - 2; i >= 1; i--) {
            dn = Math.sqrt(-2.0 * Math.log(V / dn + Math.exp(-0.5 * dn * dn)));
            KN[i + 1] = (int) ((dn / tn) * M);
            tn = dn;
            FN[i] = Math.exp(-0.5 * dn * dn);
            WN[i] = (float) (dn / M);
        }
    }

    private long s0;
    private long s1;
    private long s2;
    private long s3;

    /** A generator whose whole stream is fixed by {@code seed}. */
    public NormalRandom(long seed) {
        SplittableRandom sm = new SplittableRandom(seed);
        s0 = sm.nextLong();
        s1 = sm.nextLong();
        s2 = sm.nextLong();
        s3 = sm.nextLong();
        if ((s0 | s1 | s2 | s3) == 0) s0 = 1; // the all-zero state is the one xoshiro cannot leave
    }

    /** The next 64 random bits (xoshiro256++). */
    public long nextLong() {
        long r = Long.rotateLeft(s0 + s3, 23) + s0;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return r;
    }

    /** A uniform double in (0, 1]: never zero, so its logarithm is finite. */
    public double nextOpenUniform() {
        return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
    }

    /** One standard-normal float. */
    public float nextGaussian() {
        int h = (int) (nextLong() >>> 32);
        return fromBits(h);
    }

    /** Fills {@code a[off, off+len)} with {@code mean + std * N(0,1)}. */
    public void fill(float[] a, int off, int len, float mean, float std) {
        long x0 = s0, x1 = s1, x2 = s2, x3 = s3;
        int end = off + len;
        int i = off;
        while (i < end) {
            long r = Long.rotateLeft(x0 + x3, 23) + x0;
            long t = x1 << 17;
            x2 ^= x0;
            x3 ^= x1;
            x1 ^= x2;
            x0 ^= x3;
            x2 ^= t;
            x3 = Long.rotateLeft(x3, 45);
            int h1 = (int) (r >>> 32);
            int v1 = h1 >> 7;
            int k1 = h1 & (LAYERS - 1);
            float z1;
            if (Math.abs(v1) < KN[k1]) {
                z1 = v1 * WN[k1];
            } else {
                s0 = x0; s1 = x1; s2 = x2; s3 = x3;
                z1 = slow(v1, k1);
                x0 = s0; x1 = s1; x2 = s2; x3 = s3;
            }
            a[i++] = mean + std * z1;
            if (i == end) break;
            int h2 = (int) r;
            int v2 = h2 >> 7;
            int k2 = h2 & (LAYERS - 1);
            float z2;
            if (Math.abs(v2) < KN[k2]) {
                z2 = v2 * WN[k2];
            } else {
                s0 = x0; s1 = x1; s2 = x2; s3 = x3;
                z2 = slow(v2, k2);
                x0 = s0; x1 = s1; x2 = s2; x3 = s3;
            }
            a[i++] = mean + std * z2;
        }
        s0 = x0; s1 = x1; s2 = x2; s3 = x3;
    }

    /** Fills the whole array with standard normals. */
    public void fill(float[] a) {
        fill(a, 0, a.length, 0f, 1f);
    }

    private float fromBits(int h) {
        int v = h >> 7;
        int k = h & (LAYERS - 1);
        if (Math.abs(v) < KN[k]) return v * WN[k];
        return slow(v, k);
    }

    /** The wedge and tail cases: exact rejection sampling as in Marsaglia and Tsang's {@code nfix}. */
    private float slow(int v, int k) {
        while (true) {
            double x = v * (double) WN[k];
            if (k == 0) {
                double xt;
                double y;
                do {
                    xt = -Math.log(nextOpenUniform()) / R;
                    y = -Math.log(nextOpenUniform());
                } while (y + y < xt * xt);
                return (float) (v > 0 ? R + xt : -R - xt);
            }
            if (FN[k] + nextOpenUniform() * (FN[k - 1] - FN[k]) < Math.exp(-0.5 * x * x)) return (float) x;
            int h = (int) (nextLong() >>> 32);
            v = h >> 7;
            k = h & (LAYERS - 1);
            if (Math.abs(v) < KN[k]) return v * WN[k];
        }
    }
}
