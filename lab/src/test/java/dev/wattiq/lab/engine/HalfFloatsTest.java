package dev.wattiq.lab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class HalfFloatsTest {
    @Test
    void bf16TiesRoundToEven() {
        // 1 + 2^-8 lies exactly between 1 and 1 + 2^-7 (bf16 has 7 mantissa bits): ties go to the even one, 1.
        assertThat(HalfFloats.roundBf16(1f + 0x1p-8f)).isEqualTo(1f);
        // 1 + 3·2^-8 lies between 1 + 2^-7 (odd) and 1 + 2^-6 (even): goes up to the even one.
        assertThat(HalfFloats.roundBf16(1f + 3 * 0x1p-8f)).isEqualTo(1f + 0x1p-6f);
        assertThat(HalfFloats.roundBf16(1f + 0x1p-8f + 0x1p-20f)).isEqualTo(1f + 0x1p-7f);
    }

    @Test
    void bf16KeepsNaNAndOverflowsToInfinity() {
        assertThat(HalfFloats.roundBf16(Float.NaN)).isNaN();
        assertThat(HalfFloats.roundBf16(Float.MAX_VALUE)).isEqualTo(Float.POSITIVE_INFINITY);
        float[] a = {Float.NaN, Float.intBitsToFloat(0x7F800001), -0f, Float.NEGATIVE_INFINITY, 1f, 2f, 3f, 4f, 5f};
        HalfFloats.roundBf16(a, a.length);
        assertThat(a[0]).isNaN();
        assertThat(a[1]).as("a NaN whose payload sits in the low bits must stay NaN").isNaN();
        assertThat(a[2]).isEqualTo(-0f);
        assertThat(a[3]).isEqualTo(Float.NEGATIVE_INFINITY);
    }

    @Test
    void fp16RangeAndTies() {
        assertThat(HalfFloats.roundFp16(65504f)).isEqualTo(65504f);
        assertThat(HalfFloats.roundFp16(65520f)).as("halfway to the next binade rounds to infinity").isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(HalfFloats.roundFp16(1f + 0x1p-11f)).isEqualTo(1f);
        assertThat(HalfFloats.roundFp16(1f + 3 * 0x1p-11f)).isEqualTo(1f + 0x1p-9f);
        assertThat(HalfFloats.roundFp16(0x1p-25f)).as("half the smallest subnormal ties to zero").isEqualTo(0f);
    }

    @Property
    void vectorBf16MatchesScalar(@ForAll int bits) {
        float f = Float.intBitsToFloat(bits);
        float[] a = new float[17];
        java.util.Arrays.fill(a, f);
        HalfFloats.roundBf16(a, a.length);
        float want = HalfFloats.roundBf16(f);
        for (float v : a) {
            if (Float.isNaN(want)) assertThat(v).isNaN();
            else assertThat(Float.floatToRawIntBits(v)).isEqualTo(Float.floatToRawIntBits(want));
        }
    }

    @Property
    void bf16IsTheNearestRepresentable(@ForAll float f) {
        if (!Float.isFinite(f) || Math.abs(f) > 3.3e38f) return;
        float r = HalfFloats.roundBf16(f);
        int hb = Float.floatToRawIntBits(r);
        float up = Float.intBitsToFloat(hb + 0x10000);
        float down = Float.intBitsToFloat(hb - 0x10000);
        // neighbours one bf16 step away (skipped where the step leaves the finite range, e.g. below zero's bits)
        if (Float.isFinite(up)) assertThat(Math.abs((double) r - f)).isLessThanOrEqualTo(Math.abs((double) up - f));
        if (Float.isFinite(down)) assertThat(Math.abs((double) r - f)).isLessThanOrEqualTo(Math.abs((double) down - f));
    }
}
