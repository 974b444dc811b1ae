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

    /**
     * A provider whose name, priority and role are fixed: a subclass passes them to the constructor and says only how
     * to find ({@link #isAvailable}) and open ({@link #open}) its sensor.
     */
    abstract class Base implements SensorProvider {
        private final String name;
        private final int priority;
        private final String covers;

        protected Base(String name, int priority, String covers) {
            this.name = name;
            this.priority = priority;
            this.covers = covers;
        }

        @Override
        public final String name() {
            return name;
        }

        @Override
        public final int priority() {
            return priority;
        }

        @Override
        public final String covers() {
            return covers;
        }
    }
}
