package dev.wattiq.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Selection by role and priority, with a readable reason for every provider that was skipped. */
class SensorsTest {
    private record Provider(String name, int priority, String failure) implements SensorProvider {
        @Override
        public String covers() {
            return "cpu";
        }

        @Override
        public boolean isAvailable(SensorEnvironment env) {
            return true;
        }

        @Override
        public Sensor open(SensorEnvironment env) throws SensorException {
            if (failure != null) throw new SensorException(failure);
            return new Sensor() {
                @Override
                public String name() {
                    return Provider.this.name;
                }

                @Override
                public List<EnergyCounter> poll() {
                    return List.of();
                }
            };
        }
    }

    private static final SensorEnvironment ENV = SensorEnvironment.system().withSysfsRoot(Path.of("/nonexistent"));

    @Test
    void highestPriorityThatOpensWinsAndTheOthersSayWhy() {
        Sensors.Selection s = Sensors.select(ENV, List.of(
                new Provider("low", 1, null),
                new Provider("high", 100, "high: /sys/x/energy_uj is root-only: run as root"),
                new Provider("mid", 50, "cannot read /proc/stat")));
        assertThat(s.sensors()).extracting(Sensor::name).containsExactly("low");
        // the provider's own "high: " prefix is not repeated; a message without one gets it
        assertThat(s.skipped()).containsExactly("high: /sys/x/energy_uj is root-only: run as root", "mid: cannot read /proc/stat");
    }
}
