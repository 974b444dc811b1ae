package dev.wattiq.meter.nvml;

import dev.wattiq.meter.SensorException;

/**
 * An NVML call failed. The subclasses are the failures a caller acts on differently; every message names the
 * function, NVML's own text, and the fix. A missing capability ({@link NvmlError#NOT_SUPPORTED}, a symbol absent
 * from the library) is never an exception: the binding returns an empty optional for it.
 */
public sealed class NvmlException extends SensorException
        permits NvmlException.LibraryNotLoadable, NvmlException.DriverNotLoaded, NvmlException.NoPermission,
        NvmlException.GpuLost {
    private final NvmlError error;
    private final int code;

    NvmlException(String message, NvmlError error, int code) {
        super(message);
        this.error = error;
        this.code = code;
    }

    /** The return code as a constant ({@link NvmlError#UNKNOWN} for codes WattIQ does not name). */
    public NvmlError error() {
        return error;
    }

    /** The raw {@code nvmlReturn_t}. */
    public int code() {
        return code;
    }

    /** The NVML library could not be opened, or is not an NVML library. */
    public static final class LibraryNotLoadable extends NvmlException {
        LibraryNotLoadable(String message) {
            super(message, NvmlError.LIBRARY_NOT_FOUND, NvmlError.LIBRARY_NOT_FOUND.code());
        }
    }

    /** The NVIDIA kernel driver is not loaded (or does not match the library). */
    public static final class DriverNotLoaded extends NvmlException {
        DriverNotLoaded(String message, NvmlError error, int code) {
            super(message, error, code);
        }
    }

    /** The caller may not use the GPU or this query. */
    public static final class NoPermission extends NvmlException {
        NoPermission(String message, int code) {
            super(message, NvmlError.NO_PERMISSION, code);
        }
    }

    /** The GPU fell off the bus or needs a reset: it will not come back during this run. */
    public static final class GpuLost extends NvmlException {
        GpuLost(String message, NvmlError error, int code) {
            super(message, error, code);
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
        String where = subject.isEmpty() ? "" : subject + ": ";
        String msg = where + function + " failed: " + nvmlMessage + " (NVML_ERROR_" + e.name() + ", code " + code + ")"
                + (e.fix().isEmpty() ? "" : ": " + e.fix());
        return switch (e) {
            case NO_PERMISSION -> new NoPermission(msg, code);
            case GPU_IS_LOST, RESET_REQUIRED -> new GpuLost(msg, e, code);
            case DRIVER_NOT_LOADED, LIB_RM_VERSION_MISMATCH -> new DriverNotLoaded(msg, e, code);
            case LIBRARY_NOT_FOUND -> new LibraryNotLoadable(msg);
            default -> new NvmlException(msg, e, code);
        };
    }
}
