package dev.wattiq.meter.redfish;

import dev.wattiq.meter.Clock;
import dev.wattiq.meter.DeviceInfo;
import dev.wattiq.meter.EnergyCounter;
import dev.wattiq.meter.Method;
import dev.wattiq.meter.PowerIntegral;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.locks.LockSupport;

/**
 * The wall from a BMC over Redfish. A poller thread of its own asks the BMC at the BMC's refresh ({@link PowerSource#refresh},
 * at least 1 s), never at the meter's interval, and never on the meter's thread: {@link #poll()} only reads what the
 * poller holds. Power is held between fresh readings and integrated ({@link PowerIntegral}, {@link Method#INTEGRATED}).
 *
 * <ul>
 *   <li>429 or 503: back off, to the BMC's {@code Retry-After} or doubling from the refresh up to {@link #MAX_BACKOFF};</li>
 *   <li>a reading whose {@code ReadingTime} has not moved is stale: not a fresh reading;</li>
 *   <li>no fresh reading for {@link #maxHold} (ten seconds, or five refreshes if longer): the power is no longer held,
 *       {@link #poll()} throws so the meter marks a gap, and integration starts afresh at the next fresh reading.</li>
 * </ul>
 */
public final class RedfishSensor implements Sensor {
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    private static final Duration SAME_VALUE_SUSPECT = Duration.ofSeconds(30);

    private final RedfishClient client;
    private final PowerSource source;
    private final Clock clock;
    private final String device;
    private final Map<String, String> fixed;
    private final Duration maxHold;
    private final PowerIntegral integral;
    private Thread poller;
    private volatile boolean running = true;
    // guarded by this
    private long dueNanos;
    private long backoffNanos;
    private Optional<String> lastReadingTime = Optional.empty();
    private double lastWatts = Double.NaN;
    private long sameSinceNanos;
    private String problem;
    private long polls, fresh, busy, stale, failures;
    private boolean suspectNoted;

    RedfishSensor(RedfishClient client, PowerSource source, Clock clock, Map<String, String> assumptions) {
        this.client = client;
        this.source = source;
        this.clock = clock;
        this.device = "bmc-" + source.chassis().substring(source.chassis().lastIndexOf('/') + 1);
        this.fixed = Map.copyOf(assumptions);
        this.maxHold = source.refresh().multipliedBy(5).compareTo(Duration.ofSeconds(10)) > 0 ? source.refresh().multipliedBy(5) : Duration.ofSeconds(10);
        this.integral = new PowerIntegral(maxHold);
        this.dueNanos = clock.monotonicNanos();
    }

    /** Starts the poller thread (after {@link #first()}). */
    void start() {
        poller = Thread.ofPlatform().daemon().name("wattiq-redfish").start(this::loop);
    }

    /** Takes the first reading now (the open fails if there is none). */
    void first() throws SensorException {
        tick();
        synchronized (this) {
            if (fresh == 0) throw new SensorException("redfish: " + (problem == null ? "no power reading" : problem));
        }
    }

    private void loop() {
        while (running) {
            tick();
            long wait;
            synchronized (this) {
                wait = dueNanos - clock.monotonicNanos();
            }
            if (wait > 0) LockSupport.parkNanos(this, wait);
        }
    }

    /** Polls the BMC if a poll is due (the poller thread; tests call it directly with a manual clock). */
    void tick() {
        synchronized (this) {
            if (clock.monotonicNanos() < dueNanos) return;
            polls++;
        }
        RedfishClient.Reply r;
        try {
            r = client.get(source.pollPath());
        } catch (SensorException e) {
            synchronized (this) {
                failures++;
                problem = e.getMessage().replaceFirst("^redfish: ", "");
                dueNanos = clock.monotonicNanos() + backoff(null);
            }
            return;
        }
        synchronized (this) {
            long now = clock.monotonicNanos();
            if (r.status() == 200) {
                OptionalDouble w = source.watts(r.body());
                Optional<String> time = source.readingTime(r.body());
                if (w.isEmpty()) {
                    failures++;
                    problem = "the BMC's reply to " + source.pollPath() + " holds no power reading";
                    dueNanos = now + backoff(null);
                    return;
                }
                if (time.isPresent() && time.equals(lastReadingTime)) {
                    stale++;
                    problem = "the BMC's reading is stale (its ReadingTime stayed at " + time.get() + ")";
                } else {
                    integral.add(w.getAsDouble(), now);
                    fresh++;
                    problem = null;
                    if (w.getAsDouble() != lastWatts) sameSinceNanos = now;
                    lastWatts = w.getAsDouble();
                    lastReadingTime = time;
                }
                backoffNanos = 0;
                dueNanos = now + source.refresh().toNanos();
            } else if (r.status() == 429 || r.status() == 503) {
                busy++;
                problem = "the BMC answered HTTP " + r.status() + (r.status() == 503 ? " (busy)" : " (too many requests)");
                dueNanos = now + backoff(r.retryAfterSeconds().isPresent() ? Duration.ofSeconds(r.retryAfterSeconds().getAsLong()) : null);
            } else {
                failures++;
                problem = "the BMC answered HTTP " + r.status() + " for " + source.pollPath();
                dueNanos = now + backoff(null);
            }
        }
    }

    /** The next back-off: the BMC's own Retry-After, else doubling from the refresh, at most {@link #MAX_BACKOFF}. */
    private long backoff(Duration retryAfter) {
        long next = retryAfter != null ? retryAfter.toNanos()
                : backoffNanos == 0 ? source.refresh().toNanos() : backoffNanos * 2;
        backoffNanos = Math.min(Math.max(next, source.refresh().toNanos()), MAX_BACKOFF.toNanos());
        return backoffNanos;
    }

    @Override
    public String name() {
        return "redfish";
    }

    @Override
    public synchronized List<EnergyCounter> poll() throws SensorException {
        long now = clock.monotonicNanos();
        List<EnergyCounter> c = List.of(EnergyCounter.whole(EnergyCounter.WALL, device, integral.joulesAt(now), Method.INTEGRATED));
        if (integral.staleAt(now)) {
            throw new dev.wattiq.meter.SensorGapException(c, Map.of(device, "no fresh reading from the BMC for over " + PowerSource.fmt(maxHold)
                    + (problem == null ? "" : " (" + problem + ")") + ": the wall's energy from then until a fresh reading is missing"));
        }
        return c;
    }

    @Override
    public synchronized Map<String, String> assumptions() {
        Map<String, String> m = new LinkedHashMap<>(fixed);
        m.put("redfish_polls", polls + " polls: " + fresh + " fresh readings, " + busy + " answered 429/503 (backed off), "
                + stale + " stale, " + failures + " failed; power held for at most " + PowerSource.fmt(maxHold)
                + " without a fresh reading (" + integral.gaps() + " longer gaps, energy missing there)");
        if (!suspectNoted && lastReadingTime.isEmpty() && clock.monotonicNanos() - sameSinceNanos >= SAME_VALUE_SUSPECT.toNanos() && fresh > 3) {
            m.put("redfish_same_reading", "the BMC has reported exactly " + lastWatts + " W for over " + PowerSource.fmt(SAME_VALUE_SUSPECT)
                    + " and gives no ReadingTime: the reading may be stale");
        }
        return m;
    }

    /** The wall adds nothing to the components' baseline: it is not one. */
    @Override
    public double idlePowerWatts() {
        return 0;
    }

    /** Zero: the wall never slows the components' power timeline (its power is held between polls). */
    @Override
    public Duration updatePeriod() {
        return Duration.ZERO;
    }

    @Override
    public synchronized List<DeviceInfo> devices() {
        return List.of(new DeviceInfo("wall", 0, "Redfish " + client.target().origin() + source.chassis(), null, -1, -1, integral.watts(),
                Double.NaN, "integrated", source.describe()));
    }

    @Override
    public void close() {
        running = false;
        if (poller != null) LockSupport.unpark(poller); // a request in flight ends by its own timeout; the thread is a daemon
    }
}
