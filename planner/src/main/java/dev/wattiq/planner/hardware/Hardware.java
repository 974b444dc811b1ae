package dev.wattiq.planner.hardware;

import dev.wattiq.ledger.Assumption;
import dev.wattiq.ledger.Provenance;

import static dev.wattiq.meter.UserInputException.field;

/**
 * One accelerator or CPU from the catalogue (hardware.csv), per device. Absent figures are {@code NaN}.
 *
 * @param id                     canonical identifier (e.g. {@code H100-SXM})
 * @param kind                   gpu, tpu or cpu
 * @param fp32Flops              peak dense fp32 FLOP/s
 * @param tf32Flops              peak dense tf32 FLOP/s (NaN where the hardware has none)
 * @param bf16Flops              peak dense bf16/fp16 FLOP/s
 * @param fp8Flops               peak dense fp8 FLOP/s (NaN where none)
 * @param int8Ops                peak dense int8 op/s
 * @param tdpWatts               thermal design power (board/chip cap)
 * @param idleWatts              typical idle power
 * @param memoryBytes            device memory
 * @param memoryBandwidthBytesPerSecond peak memory bandwidth
 * @param embodiedKgCo2e         cradle-to-gate embodied emissions where published, else NaN
 * @param devicesPerNode         devices in one scale-up domain (server or NVLink rack; the island tensor parallelism
 *                               stays inside)
 * @param scaleUpBytesPerSecond  per-device link bandwidth inside the scale-up domain, each direction (NVLink, ICI)
 * @param scaleOutBytesPerSecond per-device bandwidth between scale-up domains, each direction (InfiniBand, RoCE; the
 *                               ICI torus for TPUs)
 * @param source                 citation for the hardware figures, with year
 * @param linkSource             citation for the link bandwidths
 * @param provenance             where the figures come from: a row of the shipped hardware.csv, or the user's own
 *                               ({@link Provenance#USER}: a hardware file they gave, named in {@code source})
 */
public record Hardware(String id, String kind, String vendor, double fp32Flops, double tf32Flops, double bf16Flops,
                       double fp8Flops, double int8Ops, double tdpWatts, double idleWatts, double memoryBytes,
                       double memoryBandwidthBytesPerSecond, double embodiedKgCo2e, int devicesPerNode,
                       double scaleUpBytesPerSecond, double scaleOutBytesPerSecond, String source, String linkSource,
                       Provenance provenance) {
    public Hardware {
        java.util.Objects.requireNonNull(provenance, "provenance");
    }

    /** A device whose figures WattIQ chose (no file row to point at). */
    public Hardware(String id, String kind, String vendor, double fp32Flops, double tf32Flops, double bf16Flops, double fp8Flops,
                    double int8Ops, double tdpWatts, double idleWatts, double memoryBytes, double memoryBandwidthBytesPerSecond,
                    double embodiedKgCo2e, int devicesPerNode, double scaleUpBytesPerSecond, double scaleOutBytesPerSecond,
                    String source, String linkSource) {
        this(id, kind, vendor, fp32Flops, tf32Flops, bf16Flops, fp8Flops, int8Ops, tdpWatts, idleWatts, memoryBytes,
                memoryBandwidthBytesPerSecond, embodiedKgCo2e, devicesPerNode, scaleUpBytesPerSecond, scaleOutBytesPerSecond,
                source, linkSource, Provenance.DEFAULT);
    }

    /**
     * One of this device's figures as an assumption: sourced where the figures are read from ({@link #figuresFrom()},
     * plus {@code detail} where given) and with the device's provenance, so the user's own figures are listed as theirs.
     */
    public Assumption figure(String name, double value, String unit, String detail) {
        String from = detail.isEmpty() ? figuresFrom() : figuresFrom() + detail;
        return Assumption.of(name, value, unit, from, provenance);
    }

    /**
     * Where a figure of this device is read from, for an assumption's source: {@code hardware.csv}, or the user's file
     * and line (the part of {@code source} before the user's own citation).
     */
    public String figuresFrom() {
        if (!provenance.isUser()) return "hardware.csv";
        int at = source.indexOf(": ");
        return at < 0 ? source : source.substring(0, at);
    }

    /**
     * Peak dense FLOP/s for arithmetic at {@code p}, falling back to the next wider unit the hardware has
     * (no fp8 units: bf16; no tf32: fp32; 4-bit weights compute in fp8 where present, else bf16).
     */
    public double peakFlops(Precision p) {
        return switch (p) {
            case FP32 -> fp32Flops;
            case TF32 -> Double.isNaN(tf32Flops) ? fp32Flops : tf32Flops;
            case BF16 -> Double.isNaN(bf16Flops) ? fp32Flops : bf16Flops;
            case FP8 -> Double.isNaN(fp8Flops) ? peakFlops(Precision.BF16) : fp8Flops;
            case INT8 -> Double.isNaN(int8Ops) ? peakFlops(Precision.BF16) : int8Ops;
            case INT4, MXFP4 -> peakFlops(Precision.BF16);
        };
    }

    /** Whether this is a TPU (its TDP is a provisioning cap that training rarely reaches, unlike a GPU's board limit). */
    public boolean isTpu() {
        return "tpu".equals(kind);
    }

    /**
     * {@link #peakFlops(Precision)}, or a {@link dev.wattiq.planner.PlannerException} naming the fix when the catalogue
     * has no figure (TPUs publish no fp32 peak).
     */
    public double requirePeakFlops(Precision p) {
        double v = peakFlops(p);
        if (!(v > 0)) {
            throw new dev.wattiq.planner.PlannerException(id + " has no " + p.label()
                    + " peak in hardware.csv: use " + field("precision") + " bf16");
        }
        return v;
    }

    /** Which precision's peak {@link #peakFlops(Precision)} really used (for the assumptions list). */
    public String peakColumn(Precision p) {
        return switch (p) {
            case FP32 -> "fp32";
            case TF32 -> Double.isNaN(tf32Flops) ? "fp32" : "tf32";
            case BF16 -> Double.isNaN(bf16Flops) ? "fp32" : "bf16";
            case FP8 -> Double.isNaN(fp8Flops) ? peakColumn(Precision.BF16) : "fp8";
            case INT8 -> Double.isNaN(int8Ops) ? peakColumn(Precision.BF16) : "int8";
            case INT4, MXFP4 -> peakColumn(Precision.BF16) + " (4-bit weights dequantised)";
        };
    }
}
