package dev.wattiq.meter.hwmon;

import dev.wattiq.meter.ChargedEnergy;
import dev.wattiq.meter.Clock;
import dev.wattiq.meter.DeviceInfo;
import dev.wattiq.meter.EnergyCounter;
import dev.wattiq.meter.Method;
import dev.wattiq.meter.PowerIntegral;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorException;
import dev.wattiq.meter.SensorGapException;
import dev.wattiq.meter.counter.CounterBounds;
import dev.wattiq.meter.counter.PlausibleCounter;
import dev.wattiq.meter.counter.PowerBound;
import dev.wattiq.meter.proc.OpenFile;
import dev.wattiq.meter.proc.ProcessAttribution;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads chosen hwmon channels: an energy channel ({@code energyN_input}, µJ) as a counter ({@link Method#MEASURED}),
 * a power channel ({@code powerN_average} / {@code powerN_input}, µW) held between reads and integrated
 * ({@link PowerIntegral}, {@link Method#INTEGRATED}). A power channel is read at most once per its averaging interval
 * (capped at 1 s): an ACPI power meter's reading only changes that often, and each read may be an ACPI call.
 * A read that fails or holds no number makes that poll throw (the meter marks a gap); the channel goes on at the next
 * poll, its last power held for at most {@link #MAX_HOLD}.
 *
 * <p>The wall sensor reports component {@link EnergyCounter#WALL}; the module sensor reports {@code module} per
 * socket and, in process scope, charges the tree its share of busy CPU time, as RAPL does.
 */
public final class HwmonSensor implements Sensor {
    /** How long one power reading stands in for the power after it, at most. */
    public static final Duration MAX_HOLD = Duration.ofSeconds(5);
    private static final Set<String> MODULE_CONTAINS = Set.of("cpu_package", "dram", "psys", "cpu", "memory", "gpu");

    private final String name;
    private final List<HwmonChannel> channels;
    private final OpenFile[] files;
    private final String[] components;
    private final String[] devices;
    private final PlausibleCounter[] counters;
    private final PowerBound[] bounds;
    private final PowerIntegral[] integrals;
    private final long[] readEveryNanos;
    private final long[] lastReadNanos;
    private final double[] lastJoules;
    private final ChargedEnergy[] charges;
    private final double[] watts;
    private final Clock clock;
    private final ProcessAttribution attribution;
    private final Map<String, String> assumptions;
    private final boolean module;
    private long lastPollNanos;

    HwmonSensor(String name, List<HwmonChannel> channels, OpenFile[] files, long[] firstRaw, String[] components, String[] devices,
                Clock clock, ProcessAttribution attribution, Map<String, String> assumptions, boolean module) {
        this.name = name;
        this.channels = List.copyOf(channels);
        this.files = files;
        this.components = components;
        this.devices = devices;
        int n = channels.size();
        this.counters = new PlausibleCounter[n];
        this.bounds = new PowerBound[n];
        this.integrals = new PowerIntegral[n];
        this.readEveryNanos = new long[n];
        this.lastReadNanos = new long[n];
        this.lastJoules = new double[n];
        this.charges = new ChargedEnergy[n];
        this.watts = new double[n];
        this.clock = clock;
        this.attribution = attribution;
        this.assumptions = Map.copyOf(assumptions);
        this.module = module;
        long now = clock.monotonicNanos();
        for (int i = 0; i < n; i++) {
            HwmonChannel c = channels.get(i);
            charges[i] = new ChargedEnergy();
            watts[i] = Double.NaN;
            bounds[i] = CounterBounds.shipped().stated(module ? "module" : "wall");
            if (c.reading() == HwmonChannel.Reading.ENERGY) {
                counters[i] = PlausibleCounter.monotonic(devices[i] + " (" + c.describe() + ")", PlausibleCounter.Unit.MICROJOULES, bounds[i],
                        Duration.ZERO);
                counters[i].update(firstRaw[i], now);
            } else {
                integrals[i] = new PowerIntegral(MAX_HOLD);
                integrals[i].add(firstRaw[i] / 1e6, now);
                watts[i] = firstRaw[i] / 1e6;
                readEveryNanos[i] = Math.min(c.averaging().orElse(Duration.ZERO).toNanos(), 1_000_000_000L);
            }
            lastReadNanos[i] = now;
        }
        this.lastPollNanos = now;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized List<EnergyCounter> poll() throws SensorException {
        return poll(false);
    }

    @Override
    public synchronized List<EnergyCounter> pollAtBoundary() throws SensorException {
        return poll(true);
    }

    private List<EnergyCounter> poll(boolean boundary) throws SensorException {
        long now = clock.monotonicNanos();
        long gap = now - lastPollNanos;
        lastPollNanos = now;
        Map<String, String> gaps = new java.util.LinkedHashMap<>();
        for (int i = 0; i < channels.size(); i++) {
            HwmonChannel c = channels.get(i);
            boolean energy = c.reading() == HwmonChannel.Reading.ENERGY;
            if (energy || now - lastReadNanos[i] >= readEveryNanos[i]) {
                try {
                    long raw = read(files[i], c);
                    if (energy) {
                        double before = counters[i].totalJoules();
                        if (counters[i].update(raw, now) instanceof PlausibleCounter.Step.Gap g) gaps.put(devices[i], g.note());
                        double dt = (now - lastReadNanos[i]) / 1e9;
                        if (dt > 0) watts[i] = (counters[i].totalJoules() - before) / dt;
                    } else if (raw / 1e6 > bounds[i].watts()) {
                        gaps.put(devices[i], devices[i] + " (" + c.describe() + "): power reading of " + raw / 1e6 + " W, above its bound of "
                                + bounds[i] + ": not used");
                    } else {
                        watts[i] = raw / 1e6;
                        integrals[i].add(watts[i], now);
                    }
                    lastReadNanos[i] = now;
                } catch (IOException | IllegalArgumentException e) {
                    gaps.put(devices[i], e.getMessage());
                }
            }
            double j = energy ? counters[i].totalJoules() : integrals[i].joulesAt(now);
            charges[i].add(j - lastJoules[i]);
            lastJoules[i] = j;
        }
        double share = 1;
        if (attribution != null) {
            try {
                share = boundary ? attribution.shareNow(now) : attribution.shareNearest(now, gap);
            } catch (IOException e) {
                gaps.put("attribution", name + ": cannot read the process tree's CPU time: " + e.getMessage() + "; check --procfs-root");
            }
        }
        for (ChargedEnergy ch : charges) ch.settle(share);
        List<EnergyCounter> out = snapshot();
        if (!gaps.isEmpty()) throw new SensorGapException(out, gaps);
        return out;
    }

    private List<EnergyCounter> snapshot() {
        List<EnergyCounter> out = new ArrayList<>(channels.size());
        for (int i = 0; i < channels.size(); i++) {
            Method m = channels.get(i).reading() == HwmonChannel.Reading.ENERGY ? Method.MEASURED : Method.INTEGRATED;
            double j = lastJoules[i];
            double charged = attribution == null ? j : Math.min(charges[i].attributedJoules(), j);
            out.add(new EnergyCounter(components[i], devices[i], j, charged, m));
        }
        return out;
    }

    /** Reads one channel's number (µJ or µW); a failure or anything but a number is one line naming file and fix. */
    static long read(OpenFile f, HwmonChannel c) throws IOException {
        try {
            return f.readLong();
        } catch (IOException e) {
            String held;
            try {
                held = f.readPrefix(40).toString().strip();
            } catch (IOException again) {
                throw new IOException("cannot read " + c.file() + " (" + again.getMessage() + "): check that the " + c.name()
                        + " driver is loaded and the file readable (run as root, or sudo chmod o+r " + c.file() + ")", again);
            }
            String unit = c.reading() == HwmonChannel.Reading.ENERGY ? "microjoules" : "microwatts";
            throw new IOException(c.file() + " holds '" + held + "', not a number of " + unit + ": the " + c.name()
                    + " driver returned something unexpected; check it with cat, reload the driver, or point --sysfs-root at a sane tree", e);
        }
    }

    @Override
    public Map<String, String> assumptions() {
        return assumptions;
    }

    /** The wall adds nothing to the components' baseline (it is not one); a module's idle power is unknown. */
    @Override
    public double idlePowerWatts() {
        return module ? Double.NaN : 0;
    }

    /**
     * A module's power is its CPU, memory and (Grace Hopper) GPU: those sensors' figures are shown, not added. The
     * wall contains nothing in this sense: it is kept apart from the components by the meter.
     */
    @Override
    public Set<String> contains() {
        return module ? MODULE_CONTAINS : Set.of();
    }

    /**
     * A module sensor: the longest averaging interval of its power channels (a window shorter than that is flagged).
     * The wall sensor: zero, so it never slows the components' power timeline (its power is held between reads).
     */
    @Override
    public Duration updatePeriod() {
        if (!module) return Duration.ZERO;
        Duration d = Duration.ofMillis(1);
        for (HwmonChannel c : channels) if (c.averaging().isPresent() && c.averaging().get().compareTo(d) > 0) d = c.averaging().get();
        return d;
    }

    @Override
    public synchronized List<DeviceInfo> devices() {
        List<DeviceInfo> out = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            HwmonChannel c = channels.get(i);
            boolean energy = c.reading() == HwmonChannel.Reading.ENERGY;
            String how = energy ? "hwmon energy counter " + c.file().getFileName() + " (µJ)"
                    : "hwmon " + c.file().getFileName() + " (µW" + c.averaging().map(a -> ", averaged over " + a.toMillis() + " ms").orElse("")
                    + ") held between reads and integrated";
            out.add(new DeviceInfo(module ? "module" : "wall", i, c.describe(), null, -1, -1, watts[i], Double.NaN,
                    energy ? "counter" : "integrated", how));
        }
        return out;
    }

    @Override
    public void close() {
        for (OpenFile f : files) if (f != null) f.close();
        if (attribution != null) attribution.close();
    }
}
