package dev.wattiq.meter.amdsmi;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/**
 * The C structs of amdsmi.h that WattIQ reads (library 24 and later, ROCm 6.1+: {@code AMDSMI_MAX_STRING_LENGTH} 256),
 * laid out as the C ABI does on 64-bit Linux. {@code AmdSmiBindingTest} checks each against the C compiler's sizes and
 * offsets of the same structs in the stub library.
 */
final class AmdSmiLayouts {
    private AmdSmiLayouts() {
    }

    static final int STRING = 256;
    static final int UUID_SIZE = 38;

    /** {@code amdsmi_asic_info_t}: 896 bytes; WattIQ reads {@code market_name} at 0. */
    static final StructLayout ASIC_INFO = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(STRING, JAVA_BYTE).withName("market_name"), JAVA_INT.withName("vendor_id"),
            MemoryLayout.sequenceLayout(STRING, JAVA_BYTE).withName("vendor_name"), JAVA_INT.withName("subvendor_id"),
            JAVA_LONG.withName("device_id"), JAVA_INT.withName("rev_id"),
            MemoryLayout.sequenceLayout(STRING, JAVA_BYTE).withName("asic_serial"), JAVA_INT.withName("oam_id"),
            JAVA_INT.withName("num_of_compute_units"), MemoryLayout.paddingLayout(4), JAVA_LONG.withName("target_graphics_version"),
            JAVA_INT.withName("subsystem_id"), MemoryLayout.sequenceLayout(21, JAVA_INT).withName("reserved"));

    /** {@code amdsmi_power_info_t}: socket_power (u64, W), current_socket_power, average_socket_power (u32, W), ... 192 bytes. */
    static final StructLayout POWER_INFO = MemoryLayout.structLayout(
            JAVA_LONG.withName("socket_power"), JAVA_INT.withName("current_socket_power"), JAVA_INT.withName("average_socket_power"),
            JAVA_LONG.withName("gfx_voltage"), JAVA_LONG.withName("soc_voltage"), JAVA_LONG.withName("mem_voltage"),
            JAVA_INT.withName("power_limit"), MemoryLayout.paddingLayout(4), MemoryLayout.sequenceLayout(18, JAVA_LONG).withName("reserved"));

    /** {@code amdsmi_power_cap_info_t}: five u64 in µW (dpm_cap in MHz) and three reserved: 64 bytes. */
    static final StructLayout POWER_CAP_INFO = MemoryLayout.structLayout(
            JAVA_LONG.withName("power_cap"), JAVA_LONG.withName("default_power_cap"), JAVA_LONG.withName("dpm_cap"),
            JAVA_LONG.withName("min_power_cap"), JAVA_LONG.withName("max_power_cap"), MemoryLayout.sequenceLayout(3, JAVA_LONG).withName("reserved"));

    /** {@code amdsmi_proc_info_t}: name, pid, mem, engine_usage (ns), memory_usage (bytes), container_name, ... 704 bytes. */
    static final StructLayout PROC_INFO = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(STRING, JAVA_BYTE).withName("name"), JAVA_INT.withName("pid"), MemoryLayout.paddingLayout(4),
            JAVA_LONG.withName("mem"),
            MemoryLayout.structLayout(JAVA_LONG.withName("gfx"), JAVA_LONG.withName("enc"), MemoryLayout.sequenceLayout(12, JAVA_INT).withName("reserved"))
                    .withName("engine_usage"),
            MemoryLayout.structLayout(JAVA_LONG.withName("gtt_mem"), JAVA_LONG.withName("cpu_mem"), JAVA_LONG.withName("vram_mem"),
                    MemoryLayout.sequenceLayout(10, JAVA_INT).withName("reserved")).withName("memory_usage"),
            MemoryLayout.sequenceLayout(STRING, JAVA_BYTE).withName("container_name"), JAVA_INT.withName("cu_occupancy"),
            JAVA_INT.withName("evicted_time"), MemoryLayout.sequenceLayout(10, JAVA_INT).withName("reserved"));

    static long offset(StructLayout s, String... path) {
        MemoryLayout.PathElement[] p = new MemoryLayout.PathElement[path.length];
        for (int i = 0; i < path.length; i++) p[i] = MemoryLayout.PathElement.groupElement(path[i]);
        return s.byteOffset(p);
    }
}
