package dev.wattiq.lab.experiments;

import dev.wattiq.meter.EnergyCounter;
import dev.wattiq.meter.Method;
import dev.wattiq.meter.Sensor;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * A fake package counter (the outside world: a RAPL-like counter, cpu_package on package-0, measured) whose k-th poll
 * adds {@code gain(k)} joules. A manual meter polls once at a window's start and once at its end.
 */
final class PollCounter implements Sensor {
    private final String name;
    private final IntToDoubleFunction gain;
    private double joules;
    private int polls;

    private PollCounter(String name, IntToDoubleFunction gain) {
        this.name = name;
        this.gain = gain;
    }

    /** One joule at every poll: each window sees exactly one joule. */
    static PollCounter oneJoulePerPoll() {
        return new PollCounter("fake-rapl", k -> 1);
    }

    /** The k-th poll adds k joules: consecutive windows see 2, 4, 6 ... joules, apart by 2 J. */
    static PollCounter growing() {
        return new PollCounter("fake-rapl-growing", k -> k);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized List<EnergyCounter> poll() {
        joules += gain.applyAsDouble(++polls);
        return List.of(EnergyCounter.whole("cpu_package", "package-0", joules, Method.MEASURED));
    }
}
