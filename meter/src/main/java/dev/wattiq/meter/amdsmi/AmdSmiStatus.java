package dev.wattiq.meter.amdsmi;

import dev.wattiq.meter.gpu.GpuStatus;

/**
 * AMD SMI's return codes ({@code amdsmi_status_t} in amdsmi.h) with what a user can do about each. Codes WattIQ does not
 * name map to {@link #UNKNOWN_ERROR}, keeping the number for the message.
 */
public enum AmdSmiStatus implements GpuStatus {
    SUCCESS(0, ""),
    INVAL(1, "a WattIQ bug or a GPU that vanished: please report it"),
    /** The GPU or driver lacks the query: a capability, not a failure. */
    NOT_SUPPORTED(2, "the GPU does not support this query"),
    /** The library lacks the query on this platform: a capability, not a failure. */
    NOT_YET_IMPLEMENTED(3, "the AMD SMI library does not implement this query here"),
    FAIL_LOAD_MODULE(4, "install ROCm's AMD SMI (libamd_smi.so), or pass --amd-smi-library PATH"),
    FAIL_LOAD_SYMBOL(5, "the AMD SMI library is incomplete: reinstall ROCm's amd-smi-lib"),
    DRM_ERROR(6, "the amdgpu driver's DRM interface failed: check dmesg"),
    API_FAILED(7, "the driver call failed: check dmesg"),
    TIMEOUT(8, "the driver timed out: retry; if it persists, check dmesg"),
    NO_PERM(10, "run as a user in the 'render' and 'video' groups (read access to /dev/kfd and /dev/dri/renderD*) or as root"),
    IO(12, "an I/O error reading the GPU's sysfs files: check dmesg"),
    FILE_ERROR(14, "a GPU sysfs file could not be read: check that the amdgpu driver is loaded"),
    OUT_OF_RESOURCES(15, "a buffer was too small (WattIQ retries with a larger one)"),
    INIT_ERROR(18, "AMD SMI could not initialise: check that the amdgpu driver is loaded (lsmod | grep amdgpu) and ROCm matches it"),
    DIRECTORY_NOT_FOUND(20, "a GPU's sysfs directory is gone: the GPU was removed or reset"),
    BUSY(30, "the GPU is busy: retry"),
    NOT_FOUND(31, "the GPU is gone (removed, reset, or fell off the bus): check dmesg"),
    NOT_INIT(32, "AMD SMI was used before amdsmi_init succeeded (a WattIQ bug: please report it)"),
    DRIVER_NOT_LOADED(34, "load the amdgpu kernel driver (sudo modprobe amdgpu) or install it"),
    NO_DATA(40, "no data yet"),
    INSUFFICIENT_SIZE(41, "buffer too small"),
    AMDGPU_RESTART_ERR(54, "the amdgpu driver failed to restart: check dmesg"),
    UNKNOWN_ERROR(-1, "an internal error in AMD SMI or the driver: check dmesg");

    private final Entry entry;

    AmdSmiStatus(int code, String fix) {
        this.entry = new Entry(code, fix);
    }

    /** The numeric {@code amdsmi_status_t} (0xFFFFFFFF is -1 as a Java int) and its fix. */
    @Override
    public Entry entry() {
        return entry;
    }

    public static AmdSmiStatus of(int code) {
        return GpuStatus.of(values(), code, UNKNOWN_ERROR);
    }

    @Override
    public boolean meansCapabilityAbsent() {
        return this == NOT_SUPPORTED || this == NOT_YET_IMPLEMENTED;
    }

    /** Whether a device call failing with this code means the GPU is gone for the rest of the run. */
    public boolean meansGpuLost() {
        return this == NOT_FOUND || this == DIRECTORY_NOT_FOUND || this == DRM_ERROR || this == AMDGPU_RESTART_ERR || this == FILE_ERROR;
    }
}
