package dev.wattiq.meter.estimate;

import dev.wattiq.meter.ManualClock;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.Sensors;
import dev.wattiq.meter.UserInputException;
import dev.wattiq.meter.testing.FakeProcfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bad full-load power override is the user's mistake (a {@link UserInputException}), never a sensor failure. */
class CpuWattsOverrideTest {
    private static final CpuPowerTable TABLE = CpuPowerTable.shipped();

    @Property(tries = 300)
    void everyPositiveFiniteOverrideIsTheFullLoadPowerAndCapsIdle(@ForAll("positiveFinite") double w) {
        CpuPowerModel m = CpuPowerModel.resolve(TABLE, "AMD EPYC", 2, OptionalDouble.of(w));
        assertThat(m.maxWatts()).isEqualTo(w);
        assertThat(m.idleWatts()).isBetween(0.0, w);
    }

    @Property(tries = 200)
    void everyOtherOverrideIsAUserError(@ForAll("notPositiveOrNotFinite") double w) {
        assertThatThrownBy(() -> CpuPowerModel.resolve(TABLE, "AMD EPYC", 2, OptionalDouble.of(w)))
                .isExactlyInstanceOf(UserInputException.class)
                .hasMessageStartingWith("--cpu-watts must be a positive number of watts, got " + w)
                .hasMessageNotContaining("\n");
    }

    /** Opening the estimate with a bad override reports it to the user instead of skipping the sensor. */
    @Property(tries = 5)
    void sensorSelectionPassesTheUserErrorOn(@ForAll("notPositiveOrNotFinite") double w) throws Exception {
        Path dir = Files.createTempDirectory("cpu-watts");
        FakeProcfs p = new FakeProcfs(dir.resolve("proc"), "AMD EPYC", 2, 1 << 20);
        SensorEnvironment env = SensorEnvironment.system().withSysfsRoot(dir.resolve("no-sys")).withProcfsRoot(p.root())
                .withClock(new ManualClock()).withEstimation(OptionalDouble.of(w), OptionalDouble.empty());
        assertThatThrownBy(() -> Sensors.select(env, List.of(new CpuEstimateProvider())))
                .isExactlyInstanceOf(UserInputException.class).hasMessageContaining("--cpu-watts must be a positive number");
    }

    @Provide
    Arbitrary<Double> positiveFinite() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(1e-6, 1e6).ofScale(6).filter(w -> w > 0),
                Arbitraries.of(Double.MIN_VALUE, 1e-300, 1e300, Double.MAX_VALUE));
    }

    @Provide
    Arbitrary<Double> notPositiveOrNotFinite() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-1e12, 0.0).ofScale(3),
                Arbitraries.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    }
}
