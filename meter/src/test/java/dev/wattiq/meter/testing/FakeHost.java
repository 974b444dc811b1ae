package dev.wattiq.meter.testing;

import dev.wattiq.meter.ManualClock;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.Sensors;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The machine the sensor tests run on: a fake {@code /proc} under the test's directory (two threads of an AMD EPYC
 * 9654, 1 GiB), a fake sysfs root, and a manual clock the test steps. The tests differ in the sysfs they build.
 */
public final class FakeHost {
    public static final String CPU = "AMD EPYC 9654 96-Core Processor";

    public final ManualClock clock = new ManualClock();
    private final Supplier<Path> dir;
    private FakeProcfs procfs;

    /**
     * @param dir the test's temporary directory ({@code /proc} goes to {@code dir/proc}), asked for at the first use, so
     *            a field {@code new FakeHost(() -> dir)} can stand beside the {@code @TempDir} field it names
     */
    public FakeHost(Supplier<Path> dir) {
        this.dir = dir;
    }

    /** The fake {@code /proc}, written at the first call. */
    public FakeProcfs procfs() {
        if (procfs == null) procfs = new FakeProcfs(dir.get().resolve("proc"), CPU, 2, 1 << 20);
        return procfs;
    }

    /** The environment over {@code sysfs}, this host's {@code /proc} and its clock. */
    public SensorEnvironment env(Path sysfs) {
        return SensorEnvironment.system().withSysfsRoot(sysfs).withProcfsRoot(procfs().root()).withClock(clock);
    }

    /** A manual meter over the sensors the selection finds in {@code env}. */
    public static Meter selected(SensorEnvironment env) {
        return Meter.manual(Sensors.select(env).sensors(), env);
    }

    /** A manual meter over the sensors the selection finds on this host with {@code sysfs}. */
    public Meter meter(Path sysfs) {
        return selected(env(sysfs));
    }

    /** Advances the clock by {@code by}, then reads every sensor. */
    public void step(Meter meter, Duration by) {
        clock.advance(by);
        meter.sampleNow();
    }

    /** One 100 ms poll. */
    public void step(Meter meter) {
        step(meter, Duration.ofMillis(100));
    }
}
