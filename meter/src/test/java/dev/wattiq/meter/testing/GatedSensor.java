package dev.wattiq.meter.testing;

import dev.wattiq.meter.Clock;
import dev.wattiq.meter.EnergyCounter;
import dev.wattiq.meter.Method;
import dev.wattiq.meter.Sensor;

import java.util.List;

/**
 * A stand-in for slow hardware: a counter advanced by a steady power on the given clock, whose reads can be held at a
 * gate for as long as the test likes (a sensor that answers late, as NVML did on a virtualised H200, ~3.5 ms a read).
 * Thread-safe: the meter's sampler and boundary threads both read it.
 */
public final class GatedSensor implements Sensor {
    private final Clock clock;
    private final double watts;
    private final long startNanos;
    private boolean shut;
    private int held;
    private int polls;

    public GatedSensor(Clock clock, double watts) {
        this.clock = clock;
        this.watts = watts;
        this.startNanos = clock.monotonicNanos();
    }

    /** Reads from now on wait at the gate until {@link #open()}. */
    public synchronized void shut() {
        shut = true;
    }

    public synchronized void open() {
        shut = false;
        notifyAll();
    }

    /** Waits until a read is held at the gate; false when none came within {@code millis}. */
    public synchronized boolean awaitHeld(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (held == 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            wait(Math.max(1, left / 1_000_000L));
        }
        return true;
    }

    /** Reads waiting at the gate now. */
    public synchronized int held() {
        return held;
    }

    public synchronized int polls() {
        return polls;
    }

    @Override
    public String name() {
        return "gated";
    }

    @Override
    public synchronized List<EnergyCounter> poll() {
        held++;
        notifyAll();
        try {
            while (shut) wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            held--;
        }
        polls++;
        double j = watts * (clock.monotonicNanos() - startNanos) / 1e9;
        return List.of(EnergyCounter.whole("gpu", "gpu-0", j, Method.MEASURED));
    }
}
