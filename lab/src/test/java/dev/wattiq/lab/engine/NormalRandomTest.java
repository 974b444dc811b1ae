package dev.wattiq.lab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NormalRandomTest {
    private static double cdf(double z) { // standard normal CDF via erf (Abramowitz-Stegun 7.1.26 is too coarse: use series)
        return 0.5 * (1 + erf(z / Math.sqrt(2)));
    }

    private static double erf(double x) { // Taylor series / continued fraction, good to ~1e-12 for |x| < 6
        double ax = Math.abs(x);
        double r;
        if (ax < 3) {
            double sum = ax, term = ax;
            for (int n = 1; n < 200; n++) {
                term *= -ax * ax / n;
                sum += term / (2 * n + 1);
            }
            r = 2 / Math.sqrt(Math.PI) * sum;
        } else {
            double f = 0;
            for (int n = 60; n >= 1; n--) f = n / 2.0 / (ax + f);
            r = 1 - Math.exp(-ax * ax) / Math.sqrt(Math.PI) / (ax + f);
        }
        return x < 0 ? -r : r;
    }

    @Test
    void momentsTailsAndKolmogorovSmirnov() {
        int n = 1_000_000;
        float[] z = new float[n];
        new NormalRandom(123).fill(z);
        double mean = 0, m2 = 0, m4 = 0;
        int beyond3 = 0;
        for (float v : z) {
            mean += v;
            m2 += v * v;
            m4 += (double) v * v * v * v;
            if (Math.abs(v) > 3) beyond3++;
        }
        mean /= n;
        m2 /= n;
        m4 /= n;
        assertThat(mean).isBetween(-0.005, 0.005);
        assertThat(m2).isBetween(0.995, 1.005);
        assertThat(m4).as("kurtosis").isBetween(2.95, 3.05);
        assertThat(beyond3 / (double) n).isBetween(0.0024, 0.0030); // 0.0027 expected
        Arrays.sort(z);
        double d = 0;
        for (int k = 0; k < n; k += 97) d = Math.max(d, Math.abs(cdf(z[k]) - (k + 0.5) / n));
        assertThat(d).as("KS distance").isLessThan(1.63 / Math.sqrt(n) * 1.5);
        assertThat(z[n - 1]).as("the tail beyond the ziggurat's base (3.44) is reached").isGreaterThan(3.6f);
    }

    @Test
    void sameSeedSameStreamOtherSeedOtherStream() {
        float[] a = new float[1001], b = new float[1001], c = new float[1001];
        new NormalRandom(5).fill(a);
        new NormalRandom(5).fill(b);
        new NormalRandom(6).fill(c);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void fillHonoursOffsetsAndScale() {
        float[] a = new float[10];
        new NormalRandom(1).fill(a, 3, 4, 10f, 0f);
        assertThat(a).containsExactly(0f, 0f, 0f, 10f, 10f, 10f, 10f, 0f, 0f, 0f);
    }
}
