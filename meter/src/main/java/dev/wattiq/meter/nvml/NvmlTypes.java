package dev.wattiq.meter.nvml;

/** What the NVML binding returns, in the units nvml.h uses (named in each field). */
public final class NvmlTypes {
    private NvmlTypes() {
    }

    /** {@code nvmlMemory_t}: three unsigned 64-bit byte counts. */
    public record Memory(long totalBytes, long freeBytes, long usedBytes) {
    }

    /** {@code nvmlUtilization_t}: percent of the last sample period the GPU (kernels) and memory were busy. */
    public record Utilization(int gpuPercent, int memoryPercent) {
    }

    /** Enforced-limit range of {@code nvmlDeviceGetPowerManagementLimitConstraints}, in milliwatts. */
    public record PowerLimitRange(long minMilliwatts, long maxMilliwatts) {
    }

    /**
     * {@code nvmlProcessInfo_t} (the layout of the {@code _v3} call): a process with a compute context on the GPU.
     *
     * @param usedMemoryBytes   -1 where NVML cannot tell (NVML_VALUE_NOT_AVAILABLE, e.g. in containers on some drivers)
     * @param gpuInstanceId     MIG GPU instance, -1 when not in MIG mode
     * @param computeInstanceId MIG compute instance, -1 when not in MIG mode
     */
    public record ComputeProcess(long pid, long usedMemoryBytes, long gpuInstanceId, long computeInstanceId) {
    }

    /** {@code nvmlProcessUtilizationSample_t}: one process's utilisation over one NVML sample period. */
    public record ProcessSample(long pid, long timestampMicros, int smPercent, int memoryPercent) {
    }
}
