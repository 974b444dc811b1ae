package dev.wattiq.meter;

/**
 * Finds and opens one kind of sensor (after OSHI's {@code SystemInfoProvider}). Providers are discovered with
 * {@link java.util.ServiceLoader} and chosen at run time by availability and priority; see {@link Sensors}.
 */
public interface SensorProvider {
    /** Short name, e.g. {@code rapl}. */
    String name();

    /** Higher wins among providers that cover the same {@link #covers() role}. */
    int priority();

    /** What this provider measures: {@code cpu} (CPU and memory) or {@code gpu}. One provider per role is opened. */
    String covers();

    /** Whether this machine has what the provider needs. Must be cheap and must not throw. */
    boolean isAvailable(SensorEnvironment env);

    /** Opens the sensor. A failure here makes the meter fall back to the next provider of the same role. */
    Sensor open(SensorEnvironment env) throws SensorException;
}
