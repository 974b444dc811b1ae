package dev.wattiq.planner.hardware;

import dev.wattiq.planner.PlannerException;

import java.util.Locale;

/**
 * Numeric precision of weights and arithmetic: bytes per stored weight and which peak FLOP/s column applies.
 * INT4 and MXFP4 store 4-bit weights but compute in the next wider unit the hardware has.
 */
public enum Precision {
    FP32(4.0), TF32(4.0), BF16(2.0), FP8(1.0), INT8(1.0), INT4(0.5), MXFP4(4.25 / 8);

    private final double bytesPerWeight;

    Precision(double bytesPerWeight) {
        this.bytesPerWeight = bytesPerWeight;
    }

    /** Bytes one stored weight takes (MXFP4: 4 bits plus a shared 8-bit scale per 32 values). */
    public double bytesPerWeight() {
        return bytesPerWeight;
    }

    /** Parses names such as bf16, bfloat16, fp16, half, fp8, int8, int4, q4, mxfp4 (case-insensitive). */
    public static Precision parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (s) {
            case "fp32", "float32", "float", "single" -> FP32;
            case "tf32" -> TF32;
            case "bf16", "bfloat16", "fp16", "float16", "half" -> BF16;
            case "fp8", "float8", "e4m3", "e5m2" -> FP8;
            case "int8", "q8", "w8a8" -> INT8;
            case "int4", "q4", "w4a16", "awq", "gptq" -> INT4;
            case "mxfp4", "fp4" -> MXFP4;
            default -> throw new PlannerException("unknown precision '" + text
                    + "': use one of fp32, tf32, bf16 (fp16), fp8, int8, int4, mxfp4");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
