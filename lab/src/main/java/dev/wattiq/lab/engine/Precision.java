package dev.wattiq.lab.engine;

import dev.wattiq.meter.UserInputException;
import java.util.Locale;

/**
 * How a layer's matrix products are computed. {@code FP32} is plain float32. {@code BF16} and {@code FP16} are mixed
 * precision as {@code torch.autocast} does it: float32 master weights, the operands of each matrix product (inputs,
 * weights, output gradients) rounded to the 16-bit format with round-to-nearest-even, the products accumulated in
 * float32 and their results rounded again; loss and optimiser stay in float32. This CPU has no 16-bit arithmetic,
 * so the rounding is emulated: the 16-bit policies give the numerics of mixed precision, not its speed.
 */
public enum Precision {
    FP32, BF16, FP16;

    /** Rounds {@code a[0, n)} in place to this format (a no-op for FP32). */
    public void round(float[] a, int n) {
        switch (this) {
            case FP32 -> { }
            case BF16 -> HalfFloats.roundBf16(a, n);
            case FP16 -> HalfFloats.roundFp16(a, n);
        }
    }

    /** Lower-case name, as in JSON and point names. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code fp32}, {@code bf16} or {@code fp16}, case-insensitively. */
    public static Precision parse(String s) {
        for (Precision p : values()) if (p.name().equalsIgnoreCase(s.trim())) return p;
        throw new UserInputException("unknown precision '" + s + "': use fp32, bf16 or fp16");
    }
}
