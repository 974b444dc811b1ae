package dev.wattiq.meter.testing;

import dev.wattiq.meter.EnergyCounter;
import dev.wattiq.meter.Method;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorException;

import java.time.Duration;
import java.util.List;

/**
 * A stand-in for hardware in the meter core's tests: one cumulative counter whose value the test sets (the outside
 * world), and which can be told to fail. The meter's own logic is what those tests exercise.
 */
public final class ScriptedSensor implements Sensor {
    private final String component;
    private final Duration updatePeriod;
    private double joules;
    private double attributedJoules;
    private String failure;
    private int polls;

    public ScriptedSensor(String component, Duration updatePeriod) {
        this.component = component;
        this.updatePeriod = updatePeriod;
    }

    public void set(double joules, double attributedJoules) {
        this.joules = joules;
        this.attributedJoules = attributedJoules;
    }

    public void set(double joules) {
        set(joules, joules);
    }

    /** Makes the following polls throw with {@code message}; null to recover. */
    public void fail(String message) {
        this.failure = message;
    }

    public int polls() {
        return polls;
    }

    @Override
    public String name() {
        return "scripted-" + component;
    }

    @Override
    public List<EnergyCounter> poll() throws SensorException {
        polls++;
        if (failure != null) throw new SensorException(failure);
        return List.of(new EnergyCounter(component, "package-0", joules, attributedJoules, Method.MEASURED));
    }

    @Override
    public Duration updatePeriod() {
        return updatePeriod;
    }

    @Override
    public double idlePowerWatts() {
        return 2.5;
    }
}
