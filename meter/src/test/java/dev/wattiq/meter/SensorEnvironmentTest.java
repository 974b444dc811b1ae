package dev.wattiq.meter;

import dev.wattiq.meter.estimate.CpuCalibration;
import dev.wattiq.meter.redfish.RedfishTarget;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SensorEnvironmentTest {
    private final SensorEnvironment base = SensorEnvironment.system();

    @Test
    void eachWithChangesOnlyItsOwnComponents() {
        Path p = Path.of("/fake");
        Clock clock = new ManualClock();
        RedfishTarget bmc = new RedfishTarget(URI.create("https://bmc.example/redfish/v1"), Optional.empty(),
                Optional.empty(), Optional.empty(), false);
        CpuCalibration fit = new CpuCalibration(Instant.EPOCH, "h", "c", 2, "w", 50, 10, 0, 0, List.of());

        assertThat(changed(base.withSysfsRoot(p))).isEqualTo(Map.of("sysfsRoot", p));
        assertThat(changed(base.withProcfsRoot(p))).isEqualTo(Map.of("procfsRoot", p));
        assertThat(changed(base.withNvmlLibrary(Optional.of(p)))).isEqualTo(Map.of("nvmlLibrary", Optional.of(p)));
        assertThat(changed(base.withClock(clock))).isEqualTo(Map.of("clock", clock));
        assertThat(changed(base.withScope(Scope.PROCESS, 42)))
                .isEqualTo(Map.of("scope", Scope.PROCESS, "rootPid", 42L));
        assertThat(changed(base.withEstimation(OptionalDouble.of(200), OptionalDouble.of(0.4))))
                .isEqualTo(Map.of("cpuWatts", OptionalDouble.of(200), "memoryWattsPerGb", OptionalDouble.of(0.4)));
        assertThat(changed(base.withAttributionPeriod(Duration.ofMillis(25))))
                .isEqualTo(Map.of("attributionPeriod", Duration.ofMillis(25)));
        assertThat(changed(base.withAmdSmiLibrary(Optional.of(p)))).isEqualTo(Map.of("amdSmiLibrary", Optional.of(p)));
        assertThat(changed(base.withRedfish(Optional.of(bmc)))).isEqualTo(Map.of("redfish", Optional.of(bmc)));
        assertThat(changed(base.withCpuCalibration(Optional.of(fit))))
                .isEqualTo(Map.of("cpuCalibration", Optional.of(fit)));
    }

    @Test
    void aCopyIsCheckedLikeANewEnvironment() {
        assertThatThrownBy(() -> base.withAttributionPeriod(Duration.ofMillis(9)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 10 ms");
        assertThatThrownBy(() -> base.withClock(null)).isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("clock");
        assertThat(base.withAttributionPeriod(SensorEnvironment.MIN_ATTRIBUTION_PERIOD).attributionPeriod())
                .isEqualTo(SensorEnvironment.MIN_ATTRIBUTION_PERIOD);
    }

    /** The components of {@code after} that differ from {@link #base}, by name. */
    private Map<String, Object> changed(SensorEnvironment after) {
        Map<String, Object> diff = new TreeMap<>();
        for (RecordComponent c : SensorEnvironment.class.getRecordComponents()) {
            try {
                Object was = c.getAccessor().invoke(base);
                Object now = c.getAccessor().invoke(after);
                if (!Objects.equals(was, now)) diff.put(c.getName(), now);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return diff;
    }
}
