package dev.wattiq.lab.engine;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Conversions between float32 and the two 16-bit formats, all round-to-nearest-even (ties to the even
 * neighbour), NaN kept NaN, overflow to infinity as IEEE 754 requires.
 * <ul>
 *   <li>bfloat16: the upper 16 bits of a float32 (8 exponent bits, 7 mantissa bits).</li>
 *   <li>fp16 (IEEE binary16): 5 exponent bits, 10 mantissa bits, largest finite 65504, subnormals below 2^-14;
 *       done by the JDK's {@link Float#floatToFloat16} (RNE, intrinsified to {@code vcvtps2ph} on x86).</li>
 * </ul>
 */
public final class HalfFloats {
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;

    private HalfFloats() {
    }

    /** The bfloat16 bits nearest to {@code f} (ties to even). */
    public static short toBf16(float f) {
        int bits = Float.floatToRawIntBits(f);
        if (Float.isNaN(f)) return (short) ((bits >>> 16) | 0x40); // quiet NaN, sign kept
        int lsb = (bits >>> 16) & 1;
        return (short) ((bits + 0x7FFF + lsb) >>> 16);
    }

    /** The float32 value of bfloat16 bits (exact). */
    public static float fromBf16(short h) {
        return Float.intBitsToFloat((h & 0xFFFF) << 16);
    }

    /** {@code f} rounded to the nearest bfloat16, as a float. */
    public static float roundBf16(float f) {
        return fromBf16(toBf16(f));
    }

    /** {@code f} rounded to the nearest fp16, as a float (infinite above 65519.99...). */
    public static float roundFp16(float f) {
        return Float.float16ToFloat(Float.floatToFloat16(f));
    }

    /** Rounds {@code a[0, n)} to bfloat16 in place, vectorised. */
    public static void roundBf16(float[] a, int n) {
        int i = 0;
        int bound = I.loopBound(n);
        IntVector bias = IntVector.broadcast(I, 0x7FFF);
        IntVector one = IntVector.broadcast(I, 1);
        IntVector keep = IntVector.broadcast(I, 0xFFFF0000);
        IntVector expMask = IntVector.broadcast(I, 0x7F800000);
        for (; i < bound; i += I.length()) {
            IntVector bits = jdk.incubator.vector.FloatVector.fromArray(Kernels.S, a, i).reinterpretAsInts();
            IntVector lsb = bits.lanewise(VectorOperators.LSHR, 16).and(one);
            IntVector rounded = bits.add(bias).add(lsb).and(keep);
            // NaN (all exponent bits set, mantissa non-zero) must not round into infinity: keep it as it is.
            VectorMask<Integer> nan = bits.and(expMask).eq(expMask).and(bits.and(0x007FFFFF).compare(VectorOperators.NE, 0));
            rounded = rounded.blend(bits.or(0x00400000).and(keep), nan);
            rounded.reinterpretAsFloats().intoArray(a, i);
        }
        for (; i < n; i++) a[i] = roundBf16(a[i]);
    }

    /** Rounds {@code a[0, n)} to fp16 in place. */
    public static void roundFp16(float[] a, int n) {
        for (int i = 0; i < n; i++) a[i] = Float.float16ToFloat(Float.floatToFloat16(a[i]));
    }

    /** True when every value in {@code a[0, n)} is finite (no overflow to infinity, no NaN). */
    public static boolean allFinite(float[] a, int n) {
        for (int i = 0; i < n; i++) if (!Float.isFinite(a[i])) return false;
        return true;
    }
}
