package dev.wattiq.planner.train;

import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.model.ModelArchitecture;

/**
 * A published training run as the fit and the validation use it (one row of training_runs.csv). Absent numbers are
 * NaN.
 *
 * @param line          the row's line in its file
 * @param name          the model as published
 * @param family        fold group (the file's family column, else {@link dev.wattiq.planner.fit.Family#of})
 * @param params        total parameters
 * @param active        active parameters per token
 * @param tokens        training tokens
 * @param hardware      the device
 * @param shape         the architecture (models.csv when the name is there, else the generic shape)
 * @param devices       published device count (NaN: not published)
 * @param deviceHours   published device-hours (NaN: not published)
 * @param steady        the hours come from a steady-state throughput (no restarts), not a whole run
 * @param avgPowerWatts measured average power per device (NaN: none; a TDP figure is not a measurement)
 * @param systemPower   the measured power is a system figure (chip + host share), not the device alone
 */
public record TrainingRun(int line, String name, String family, double params, double active, double tokens,
                          Hardware hardware, ModelArchitecture shape, double devices, double deviceHours,
                          boolean steady, double avgPowerWatts, boolean systemPower) {

    public boolean hasHours() {
        return deviceHours > 0;
    }

    public boolean hasDevices() {
        return devices > 0;
    }

    public boolean hasMeasuredPower() {
        return avgPowerWatts > 0;
    }

    /** The utilisation the published hours imply: 6 N_a D / (device-hours x peak). */
    public double observedMfu(TrainingModel m) {
        return m.flopsPerParamToken(false) * active * tokens
                / (deviceHours * 3600 * hardware.peakFlops(dev.wattiq.planner.hardware.Precision.BF16));
    }
}
