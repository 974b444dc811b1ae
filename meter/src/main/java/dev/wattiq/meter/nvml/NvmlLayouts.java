package dev.wattiq.meter.nvml;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/** The C structs of nvml.h that WattIQ reads, laid out as the C ABI does (natural alignment, 64-bit Linux). */
final class NvmlLayouts {
    private NvmlLayouts() {
    }

    /** {@code nvmlMemory_t}: total, free, used (unsigned long long, bytes). */
    static final StructLayout MEMORY = MemoryLayout.structLayout(
            JAVA_LONG.withName("total"), JAVA_LONG.withName("free"), JAVA_LONG.withName("used"));

    /** {@code nvmlUtilization_t}: gpu, memory (unsigned int, percent). */
    static final StructLayout UTILIZATION = MemoryLayout.structLayout(JAVA_INT.withName("gpu"), JAVA_INT.withName("memory"));

    /** {@code nvmlProcessInfo_t} as the {@code _v3} call fills it (= nvmlProcessInfo_v2_t): 24 bytes. */
    static final StructLayout PROCESS_INFO = MemoryLayout.structLayout(
            JAVA_INT.withName("pid"), MemoryLayout.paddingLayout(4), JAVA_LONG.withName("usedGpuMemory"),
            JAVA_INT.withName("gpuInstanceId"), JAVA_INT.withName("computeInstanceId"));

    /** {@code nvmlProcessUtilizationSample_t}: pid, timeStamp (µs), smUtil, memUtil, encUtil, decUtil: 32 bytes. */
    static final StructLayout PROCESS_SAMPLE = MemoryLayout.structLayout(
            JAVA_INT.withName("pid"), MemoryLayout.paddingLayout(4), JAVA_LONG.withName("timeStamp"),
            JAVA_INT.withName("smUtil"), JAVA_INT.withName("memUtil"), JAVA_INT.withName("encUtil"), JAVA_INT.withName("decUtil"));
}
