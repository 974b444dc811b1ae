package dev.wattiq.meter.amdsmi;

import dev.wattiq.meter.SensorException;
import dev.wattiq.meter.gpu.GpuStatus;

/**
 * An AMD SMI call failed. The message names the function, AMD SMI's own text and the fix. A missing capability
 * (AMDSMI_STATUS_NOT_SUPPORTED, a function the library lacks) is never an exception: the binding returns an empty
 * optional for it.
 */
public class AmdSmiException extends SensorException {
    private final AmdSmiStatus status;

    AmdSmiException(String message, AmdSmiStatus status) {
        super(message);
        this.status = status;
    }

    public AmdSmiStatus status() {
        return status;
    }

    /** Whether the GPU asked about is gone (it will not come back during this run). */
    public boolean gpuLost() {
        return status.meansGpuLost();
    }

    /**
     * @param function  the AMD SMI function, e.g. {@code amdsmi_get_energy_count}
     * @param code      its return code
     * @param text      {@code amdsmi_status_code_to_string(code)}
     * @param subject   what was asked about, e.g. {@code amd-gpu-1}, or empty
     */
    static AmdSmiException of(String function, int code, String text, String subject) {
        AmdSmiStatus s = AmdSmiStatus.of(code);
        return new AmdSmiException(GpuStatus.failure(subject, function, text, "code " + Integer.toUnsignedString(code), s), s);
    }
}
