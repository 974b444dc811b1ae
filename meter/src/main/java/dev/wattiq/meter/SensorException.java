package dev.wattiq.meter;

/**
 * A sensor could not be opened or read. The message names the problem and the fix
 * (e.g. "cannot read /sys/class/powercap/intel-rapl:0/energy_uj (root-only since Linux 5.10): run as root, or ...").
 */
public class SensorException extends Exception {
    public SensorException(String message) {
        super(message);
    }

    public SensorException(String message, Throwable cause) {
        super(message, cause);
    }
}
