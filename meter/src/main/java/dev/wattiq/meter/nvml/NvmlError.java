package dev.wattiq.meter.nvml;

import dev.wattiq.meter.gpu.GpuStatus;

/**
 * NVML's return codes ({@code nvmlReturn_t} in nvml.h) with what a user can do about each. Codes WattIQ does not
 * name map to {@link #UNKNOWN}, keeping the number for the message.
 */
public enum NvmlError implements GpuStatus {
    SUCCESS(0, ""),
    UNINITIALIZED(1, "NVML was used before nvmlInit succeeded (a WattIQ bug: please report it)"),
    INVALID_ARGUMENT(2, "a WattIQ bug or a device that vanished: please report it"),
    /** The device lacks this feature: a capability, not a failure. */
    NOT_SUPPORTED(3, "the device does not support this query"),
    NO_PERMISSION(4, "run as a user who may open /dev/nvidia* (e.g. in the 'video' group) or as root"),
    ALREADY_INITIALIZED(5, ""),
    NOT_FOUND(6, "no such entry (e.g. no samples yet)"),
    INSUFFICIENT_SIZE(7, "buffer too small (WattIQ retries with a larger one)"),
    INSUFFICIENT_POWER(8, "attach the GPU's external power cables properly"),
    DRIVER_NOT_LOADED(9, "load the NVIDIA kernel driver (modprobe nvidia) or install it"),
    TIMEOUT(10, "the driver timed out: retry; if it persists, check dmesg"),
    IRQ_ISSUE(11, "the kernel saw an interrupt problem with the GPU: check dmesg"),
    LIBRARY_NOT_FOUND(12, "install the NVIDIA driver, or pass --nvml-library PATH"),
    /** The library is too old to have this function: a capability, not a failure. */
    FUNCTION_NOT_FOUND(13, "the NVML library is older than this function"),
    CORRUPTED_INFOROM(14, "the GPU's infoROM is corrupted: contact the vendor"),
    GPU_IS_LOST(15, "the GPU fell off the bus: check dmesg for Xid errors; it needs a reset (nvidia-smi -r) or a reboot"),
    RESET_REQUIRED(16, "reset the GPU (nvidia-smi -r) or reboot"),
    OPERATING_SYSTEM(17, "the operating system blocked the call: check dmesg"),
    LIB_RM_VERSION_MISMATCH(18, "the NVML library does not match the loaded kernel driver: reboot after a driver upgrade,"
            + " or point --nvml-library at the library of the loaded driver"),
    IN_USE(19, "the GPU is in use"),
    MEMORY(20, "the driver ran out of memory"),
    NO_DATA(21, "no data yet"),
    UNKNOWN(999, "an internal driver error: check dmesg");

    private final Entry entry;

    NvmlError(int code, String fix) {
        this.entry = new Entry(code, fix);
    }

    /** The numeric {@code nvmlReturn_t} and its fix. */
    @Override
    public Entry entry() {
        return entry;
    }

    /** The constant for a return code; {@link #UNKNOWN} for codes not listed here. */
    public static NvmlError of(int code) {
        return GpuStatus.of(values(), code, UNKNOWN);
    }

    @Override
    public boolean meansCapabilityAbsent() {
        return this == NOT_SUPPORTED || this == FUNCTION_NOT_FOUND;
    }
}
