package dev.wattiq.lab.engine;

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

    /**
     * Rounds {@code a[0, n)} to bfloat16 in place. A plain loop of integer operations that C2 vectorises itself; an
     * explicit Vector-API version with a NaN blend was several times slower on AVX2 (the masked blend is not
     * intrinsified there).
     */
    public static void roundBf16(float[] a, int n) {
        for (int i = 0; i < n; i++) {
            int bits = Float.floatToRawIntBits(a[i]);
            int r = (bits + 0x7FFF + ((bits >>> 16) & 1)) & 0xFFFF0000;
            // NaN (exponent all ones, mantissa non-zero) must not round into infinity: keep it NaN.
            a[i] = (bits & 0x7FFFFFFF) > 0x7F800000 ? Float.intBitsToFloat((bits | 0x00400000) & 0xFFFF0000) : Float.intBitsToFloat(r);
        }
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
