package dev.wattiq.meter.nvml;

import dev.wattiq.meter.SensorException;
import dev.wattiq.meter.gpu.GpuStatus;

/**
 * An NVML call failed. The subclasses are the failures a caller acts on differently; every message names the
 * function, NVML's own text, and the fix. A missing capability ({@link NvmlError#NOT_SUPPORTED}, a symbol absent
 * from the library) is never an exception: the binding returns an empty optional for it.
 */
public sealed class NvmlException extends SensorException
        permits NvmlException.LibraryNotLoadable, NvmlException.DriverNotLoaded, NvmlException.NoPermission,
        NvmlException.GpuLost {
    private final int code;

    NvmlException(String message, int code) {
        super(message);
        this.code = code;
    }

    /** The return code as a constant ({@link NvmlError#UNKNOWN} for codes WattIQ does not name). */
    public NvmlError error() {
        return NvmlError.of(code);
    }

    /** The raw {@code nvmlReturn_t}. */
    public int code() {
        return code;
    }

    /** The NVML library could not be opened, or is not an NVML library. */
    public static final class LibraryNotLoadable extends NvmlException {
        LibraryNotLoadable(String message) {
            super(message, NvmlError.LIBRARY_NOT_FOUND.code());
        }
    }

    /** The NVIDIA kernel driver is not loaded (or does not match the library). */
    public static final class DriverNotLoaded extends NvmlException {
        DriverNotLoaded(String message, int code) {
            super(message, code);
        }
    }

    /** The caller may not use the GPU or this query. */
    public static final class NoPermission extends NvmlException {
        NoPermission(String message, int code) {
            super(message, code);
        }
    }

    /** The GPU fell off the bus or needs a reset: it will not come back during this run. */
    public static final class GpuLost extends NvmlException {
        GpuLost(String message, int code) {
            super(message, code);
        }
    }

    /**
     * The exception for a failed call.
     *
     * @param function    the NVML function, e.g. {@code nvmlDeviceGetPowerUsage}
     * @param code        its return code
     * @param nvmlMessage {@code nvmlErrorString(code)}
     * @param subject     what was asked about, e.g. {@code gpu-1}, or empty
     */
    public static NvmlException of(String function, int code, String nvmlMessage, String subject) {
        NvmlError e = NvmlError.of(code);
        String msg = GpuStatus.failure(subject, function, nvmlMessage, "NVML_ERROR_" + e.name() + ", code " + code, e);
        return switch (e) {
            case NO_PERMISSION -> new NoPermission(msg, code);
            case GPU_IS_LOST, RESET_REQUIRED -> new GpuLost(msg, code);
            case DRIVER_NOT_LOADED, LIB_RM_VERSION_MISMATCH -> new DriverNotLoaded(msg, code);
            case LIBRARY_NOT_FOUND -> new LibraryNotLoadable(msg);
            default -> new NvmlException(msg, code);
        };
    }
}
