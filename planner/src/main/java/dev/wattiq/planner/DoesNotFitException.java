package dev.wattiq.planner;

/** The model (and its training state or KV cache) needs more device memory than the devices given. */
public final class DoesNotFitException extends PlannerException {
    private final int devicesNeeded;

    public DoesNotFitException(String what, double bytesNeeded, int devices, String hardware, double bytesPerDevice,
                               int devicesNeeded) {
        super(String.format("%s needs %.0f GB but %d x %s hold %.0f GB usable: use %s %d or more"
                        + " (or a smaller precision / batch)", what, bytesNeeded / 1e9, devices, hardware,
                devices * bytesPerDevice / 1e9, field("devices"), devicesNeeded));
        this.devicesNeeded = devicesNeeded;
    }

    /** The smallest device count whose usable memory holds the request. */
    public int devicesNeeded() {
        return devicesNeeded;
    }
}
