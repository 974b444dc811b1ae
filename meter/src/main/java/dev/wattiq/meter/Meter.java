package dev.wattiq.meter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Polls a fixed set of sensors from one background thread and hands out measurement windows.
 *
 * <pre>{@code
 * try (Meter meter = Meter.start(sensors, env, Duration.ofMillis(100))) {
 *     try (Window w = meter.window("epoch-3")) {
 *         train();
 *         Measurement m = w.end();
 *     }
 * }
 * }</pre>
 *
 * Windows may overlap and nest; each is the difference of two {@link Reading}s taken at its boundaries, so its
 * energy is exact for counters. The sampler in between sees every counter wrap, integrates power where a sensor
 * must, and feeds the power timeline. Sensors are only ever called under one lock, one call at a time.
 * A sensor that throws leaves a gap (its counters stop advancing; the gap is noted) and the meter keeps going; one
 * that throws {@link SensorGapException} has read its other counters, which the meter keeps, and names each gap.
 *
 * <p>A window may also be opened and ended without waiting for a sensor ({@link #stampWindow}, {@link
 * Window#endLater()}): the boundary is stamped on the meter's clock at once, a reading is taken promptly on the
 * meter's boundary thread, and the boundary's counters are interpolated between the readings just before and just
 * after the stamp ({@link Reading#at}); that thread reads no more often than the sensors update (at most every 10
 * ms), so a flood of windows costs one reading per update period, not one per window. Every reading, the sampler's
 * and the boundaries', is one point on one {@link Timeline} (stamps and readings are ordered under one short lock),
 * so stamped windows nest and add up as polled ones do.
 */
public final class Meter implements AutoCloseable {
    private final List<Sensor> sensors;
    private final SensorEnvironment env;
    private final Duration interval;
    private final ReentrantLock pollLock = new ReentrantLock();
    private final Map<Sensor, List<EnergyCounter>> lastGood = new HashMap<>();
    private final Set<Window> open = ConcurrentHashMap.newKeySet();
    private final List<Consumer<PowerSample>> listeners = new CopyOnWriteArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile PowerSample latestSample;
    private long samplesTaken;
    private final long samplePeriodNanos;
    /** Component -> the sensor whose counters contain it ({@link Sensor#contains()}): shown, never added. */
    private final Map<String, String> nestedIn;
    private Reading sampledAt;
    private boolean gapSinceSample;
    /** The readings in order and the boundaries stamped between them. */
    private final Timeline timeline;

    private Meter(List<Sensor> sensors, SensorEnvironment env, Duration interval, boolean startThread) {
        this.sensors = List.copyOf(sensors);
        this.env = Objects.requireNonNull(env, "env");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.samplePeriodNanos = updatePeriod().toNanos();
        this.timeline = new Timeline(env.clock(), samplePeriodNanos, () -> pollAll(true, true));
        Map<String, String> nested = new HashMap<>();
        for (Sensor s : this.sensors) for (String c : s.contains()) nested.putIfAbsent(c, s.name());
        this.nestedIn = Map.copyOf(nested);
        pollAll(false, true); // the first reading: the timeline's origin
        if (startThread) {
            if (interval.toNanos() < 1_000_000) {
                throw new IllegalArgumentException("sampling interval must be at least 1 ms, got " + interval.toMillis() + " ms");
            }
            sampler = Thread.ofPlatform().daemon().name("wattiq-sampler").unstarted(this::sampleLoop);
            sampler.setPriority(Thread.MAX_PRIORITY);
            sampler.start();
        } else {
            sampler = null;
        }
    }

    /** Starts a meter that samples every {@code interval} (at least 1 ms) on a background daemon thread. */
    public static Meter start(List<Sensor> sensors, SensorEnvironment env, Duration interval) {
        return new Meter(sensors, env, interval, true);
    }

    /** A meter without a sampler thread: the caller drives it with {@link #sampleNow()} (tests, replay). */
    public static Meter manual(List<Sensor> sensors, SensorEnvironment env) {
        return new Meter(sensors, env, Duration.ZERO, false);
    }

    /** Opens a window that starts now. Close it to get its {@link Measurement}. */
    public Window window(String label) {
        Window w = new Window(this, label, Boundary.of(pollAll(true, true).reading));
        open.add(w);
        return w;
    }

    /**
     * Opens a window whose start is stamped now, without reading any sensor: the caller never waits for hardware. Its
     * start counters are settled shortly after, off the caller's thread ({@link Meter class notes}). End it with
     * {@link Window#endLater()} (or {@link Window#end()}).
     */
    public Window stampWindow(String label) {
        Window w = new Window(this, label, stamp());
        open.add(w);
        return w;
    }

    /** A boundary at the meter clock's now, settled by the next reading (taken soon on the boundary thread). */
    Boundary stamp() {
        return timeline.stamp();
    }

    /**
     * Reads every sensor now, as the background thread does (manual meters and tests), and returns the power sample
     * it completed: null when less than the sensors' {@link #updatePeriod()} has passed since the last sample.
     */
    public PowerSample sampleNow() {
        return pollAll(true, false).sample;
    }

    /** Called on the sampler thread after each sample; keep it quick (hand off I/O to another thread). */
    public void addListener(Consumer<PowerSample> listener) {
        listeners.add(listener);
    }

    /** The most recent reading of every counter (a snapshot; never blocks on a sensor). */
    public Reading latest() {
        return timeline.latest();
    }

    /** The most recent power sample, or null before the first interval. */
    public PowerSample latestSample() {
        return latestSample;
    }

    public List<Sensor> sensors() {
        return sensors;
    }

    public SensorEnvironment environment() {
        return env;
    }

    public Duration interval() {
        return interval;
    }

    /** Samples taken so far, including those taken at window boundaries. */
    public long samplesTaken() {
        return samplesTaken;
    }

    /** Baseline power: the sum of the sensors' idle power, NaN if any is unknown. */
    public double idlePowerWatts() {
        double t = 0;
        for (Sensor s : sensors) t += s.idlePowerWatts();
        return t;
    }

    /** Every sensor's assumptions, keyed as the sensor gives them. */
    public Map<String, String> assumptions() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Sensor s : sensors) m.putAll(s.assumptions());
        return m;
    }

    /** The longest update period among the sensors: windows shorter than this are flagged. */
    public Duration updatePeriod() {
        Duration d = Duration.ZERO;
        for (Sensor s : sensors) if (s.updatePeriod().compareTo(d) > 0) d = s.updatePeriod();
        return d;
    }

    private void sampleLoop() {
        long period = interval.toNanos();
        long next = System.nanoTime() + period;
        while (running) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            pollAll(true, false);
            next += period;
            long now = System.nanoTime();
            if (next < now) next = now + period; // fell behind (suspended machine): don't burst
        }
    }

    private record Poll(Reading reading, PowerSample sample) {
    }

    private Poll pollAll(boolean emit, boolean boundary) {
        Timeline.Step step = null;
        pollLock.lock();
        try {
            List<EnergyCounter> all = new ArrayList<>();
            boolean gap = false;
            for (Sensor s : sensors) {
                try {
                    List<EnergyCounter> c = boundary ? s.pollAtBoundary() : s.poll();
                    lastGood.put(s, c);
                    all.addAll(c);
                } catch (SensorGapException e) {
                    // read, but some counters have a gap: the counters are good, each gap is noted by what it names
                    gap = true;
                    lastGood.put(s, e.counters());
                    all.addAll(e.counters());
                    for (var n : e.notes().entrySet()) {
                        String note = "sensor " + s.name() + ": gap at " + env.clock().wallTime() + ": " + n.getValue()
                                + "; its energy during the gap is missing";
                        for (Window w : open) w.noteOnce(s.name() + "/" + n.getKey(), note);
                    }
                } catch (SensorException | RuntimeException e) {
                    gap = true;
                    all.addAll(lastGood.getOrDefault(s, List.of()));
                    String msg = e.getMessage() != null && e.getMessage().startsWith(s.name() + ": ")
                            ? e.getMessage().substring(s.name().length() + 2) : e.getMessage();
                    String note = "sensor " + s.name() + " failed at " + env.clock().wallTime() + ": " + msg
                            + "; its energy during the gap is missing";
                    for (Window w : open) w.noteOnce(s.name(), note);
                }
            }
            step = timeline.add(all);
            Reading r = step.reading();
            samplesTaken++;
            gapSinceSample |= gap;
            PowerSample sample = null;
            Reading prev = sampledAt;
            if (prev == null || r.monotonicNanos() == prev.monotonicNanos()) sampledAt = r; // no time, no power: restart here
            if (prev != null && emit) {
                double dt = r.secondsSince(prev);
                // a power sample spans at least the sensors' update period: a counter that ticks every 10 ms, read
                // every 1 ms, would otherwise show nine zeros and one ten-fold spike (a false peak)
                // (less half an interval: the poll nearest to one period, so a poll woken a little early skips none).
                // A window boundary, which may come at any moment (thousands a second through the control channel),
                // samples only after a full period: a boundary just after a sample would add a sliver of false zeros.
                long minimum = boundary ? samplePeriodNanos : samplePeriodNanos - interval.toNanos() / 2;
                if (dt > 0 && dt * 1e9 >= minimum) {
                    gap = gapSinceSample;
                    gapSinceSample = false;
                    sampledAt = r;
                    Map<String, Double> watts = new LinkedHashMap<>();
                    double total = 0;
                    double wall = Double.NaN;
                    for (EnergyCounter d : r.minus(prev)) {
                        if (d.isWall()) {
                            wall = (Double.isNaN(wall) ? 0 : wall) + d.joules() / dt;
                            continue;
                        }
                        if (!nestedIn.isEmpty() && nestedIn.containsKey(d.component())) continue;
                        double j = env.scope() == Scope.PROCESS ? d.attributedJoules() : d.joules();
                        watts.merge(d.component(), j / dt, Double::sum);
                        total += j / dt;
                    }
                    sample = new PowerSample(r.wallTime(), dt, watts, total, gap, wall);
                    latestSample = sample;
                    for (Window w : open) w.observe(sample);
                    for (int i = 0; i < listeners.size(); i++) {
                        try {
                            listeners.get(i).accept(sample);
                        } catch (RuntimeException e) {
                            // the sample is still measured; each open window says once that a listener failed in it
                            String note = "a power-sample listener failed at " + r.wallTime() + ": " + e
                                    + "; samples it should have received (live view, stored timeline) may be missing";
                            for (Window w : open) w.noteOnce("listener " + i, note);
                        }
                    }
                }
            }
            return new Poll(r, sample);
        } finally {
            pollLock.unlock();
            if (step != null) step.settle(); // outside the lock: what waits on the stamps runs here
        }
    }

    Measurement finish(Window w) {
        Reading end = pollAll(true, true).reading;
        open.remove(w);
        return measure(w, w.begin(), end);
    }

    /** Stamps the window's end now (no sensor read on this thread); it stops observing samples. */
    Boundary stampEnd(Window w) {
        Boundary b = stamp();
        open.remove(w);
        return b;
    }

    /** The window's measurement from its start to a fresh reading now; the window stays open. */
    Measurement sofar(Window w) {
        Reading now = pollAll(true, true).reading;
        return measure(w, w.begin(), now);
    }

    Measurement measure(Window w, Reading begin, Reading end) {
        double seconds = end.secondsSince(begin);
        List<ComponentEnergy> energies = new ArrayList<>();
        List<ComponentEnergy> wall = new ArrayList<>();
        List<String> nested = new ArrayList<>();
        double total = 0;
        for (EnergyCounter d : end.minus(begin)) {
            if (d.isWall()) {
                wall.add(new ComponentEnergy(d.component(), d.device(), d.joules(), d.joules(), d.method()));
                continue;
            }
            String container = nestedIn.get(d.component());
            if (container != null) {
                nested.add(d.component() + " " + d.device() + " " + String.format(java.util.Locale.ROOT, "%.3f", d.joules())
                        + " J (" + d.method().label() + ", inside " + container + "'s counters)");
                continue;
            }
            double charged = env.scope() == Scope.PROCESS ? d.attributedJoules() : d.joules();
            energies.add(new ComponentEnergy(d.component(), d.device(), charged, d.joules(), d.method()));
            total += charged;
        }
        double avg = seconds > 0 ? total / seconds : 0;
        double peak = Math.max(w.peakWatts(), avg);
        List<String> notes = new ArrayList<>(w.notes());
        Duration period = updatePeriod();
        Duration length = Duration.ofNanos(end.monotonicNanos() - begin.monotonicNanos());
        if (!period.isZero() && length.compareTo(period) < 0) {
            notes.add("window of " + length.toMillis() + " ms is shorter than the sensors' update period ("
                    + period.toMillis() + " ms): its energy is unreliable");
        }
        Map<String, String> assumptions = assumptions();
        if (!nested.isEmpty()) {
            assumptions = new LinkedHashMap<>(assumptions);
            assumptions.put("nested_not_added", String.join("; ", nested));
        }
        return new Measurement(w.label(), begin.wallTime(), length, env.scope(), energies, avg, peak,
                idlePowerWatts(), w.samples(), assumptions, notes, wall);
    }

    @Override
    public void close() {
        running = false;
        if (sampler != null) {
            LockSupport.unpark(sampler);
            join(sampler, Math.max(1000, interval.toMillis() * 4));
        }
        if (timeline.close()) pollAll(true, true); // boundaries stamped before the close are settled by a last reading
        for (Sensor s : sensors) {
            try {
                s.close();
            } catch (RuntimeException ignored) {
                // closing is best effort; the readings are already taken
            }
        }
    }

    private static void join(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
