package dev.wattiq.meter.rapl;

import dev.wattiq.meter.ChargedEnergy;
import dev.wattiq.meter.Clock;
import dev.wattiq.meter.DeviceInfo;
import dev.wattiq.meter.EnergyCounter;
import dev.wattiq.meter.Method;
import dev.wattiq.meter.Scope;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorException;
import dev.wattiq.meter.SensorGapException;
import dev.wattiq.meter.counter.PlausibleCounter;
import dev.wattiq.meter.counter.PowerBound;
import dev.wattiq.meter.proc.OpenFile;
import dev.wattiq.meter.proc.ProcessAttribution;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the chosen RAPL energy counters ({@code energy_uj}) through files kept open and read with {@code pread}.
 * Wraparound is undone, and implausible steps refused, by one {@link PlausibleCounter} per counter, held to the
 * zone's {@link PowerBound} ({@link PowercapLimits}): a counter that went backwards without a plausible wrap, or
 * leapt, is a gap with a note naming the zone, never energy. In process scope each counter's energy is charged at
 * the measured tree's share of busy CPU time ({@link ProcessAttribution}): the counters are read at every poll (wraps,
 * power), the share every attribution period and at every window boundary ({@link #pollAtBoundary()}), and applied
 * to the energy read since the last share ({@link ChargedEnergy}).
 *
 * <p>A zone that vanishes (its read fails, or its directory is gone: checked every {@link #CHECK_NANOS}) makes that
 * poll throw {@link SensorGapException}, so the meter marks a gap; the other zones go on, and the vanished one resumes from its new value if
 * it comes back, the energy in between being unknown.
 */
public final class RaplSensor implements Sensor {
    /**
     * How often zone directories are checked for existence (a stat per zone; real sysfs also fails the read at once,
     * so this is a second line of defence and runs once a second, not at every poll: docs/meter.md, overhead).
     */
    public static final long CHECK_NANOS = 1_000_000_000L;
    /** RAPL updates its counters about every millisecond (as {@link #updatePeriod()} says in machine scope). */
    static final Duration UPDATE_PERIOD = Duration.ofMillis(1);
    private final List<PowercapDiscovery.Domain> domains;
    private final OpenFile[] files;
    private final PlausibleCounter[] wraps;
    private final ChargedEnergy[] charges;
    private final long[] lastTotal;
    private final double[] powerWatts;
    private final boolean[] lost;
    private final java.io.File[] zoneDirs;
    private final Clock clock;
    private final Scope scope;
    private final ProcessAttribution attribution;
    private final Map<String, String> assumptions;
    private final String cpuModel;
    private final double idleWatts;
    private final Map<String, Double> powerLimitWatts;
    private long lastCheckNanos;
    private long lastPollNanos;
    private List<EnergyCounter> counters;

    RaplSensor(List<PowercapDiscovery.Domain> domains, OpenFile[] files, long[] firstRaw, Clock clock, Scope scope,
               ProcessAttribution attribution, Map<String, String> assumptions, String cpuModel, double idleWatts,
               Map<String, Double> powerLimitWatts, PowerBound[] bounds) {
        this.domains = List.copyOf(domains);
        this.files = files;
        int n = domains.size();
        this.wraps = new PlausibleCounter[n];
        long start = clock.monotonicNanos();
        this.charges = new ChargedEnergy[n];
        this.lastTotal = new long[n];
        this.powerWatts = new double[n];
        this.lost = new boolean[n];
        this.zoneDirs = new java.io.File[n];
        for (int i = 0; i < n; i++) {
            PowercapDiscovery.Domain d = domains.get(i);
            wraps[i] = PlausibleCounter.wrapping(label(d), d.zone().maxEnergyRangeMicroJoules(), PlausibleCounter.Unit.MICROJOULES,
                    bounds[i], UPDATE_PERIOD);
            wraps[i].update(firstRaw[i], start);
            charges[i] = new ChargedEnergy();
            zoneDirs[i] = domains.get(i).zone().dir().toFile(); // one stat(2) per check, few bytecodes
        }
        this.clock = clock;
        this.scope = scope;
        this.attribution = attribution;
        this.assumptions = Map.copyOf(assumptions);
        this.cpuModel = cpuModel;
        this.idleWatts = idleWatts;
        this.powerLimitWatts = Map.copyOf(powerLimitWatts);
        this.lastCheckNanos = start;
        this.lastPollNanos = lastCheckNanos;
        this.counters = snapshot();
    }

    @Override
    public String name() {
        return "rapl";
    }

    @Override
    public List<EnergyCounter> poll() throws SensorException {
        return poll(false);
    }

    @Override
    public List<EnergyCounter> pollAtBoundary() throws SensorException {
        return poll(true);
    }

    private List<EnergyCounter> poll(boolean boundary) throws SensorException {
        long now = clock.monotonicNanos();
        boolean check = now - lastCheckNanos >= CHECK_NANOS;
        if (check) lastCheckNanos = now;
        long gapNanos = now - lastPollNanos;
        double seconds = gapNanos / 1e9;
        lastPollNanos = now;
        Map<String, String> gaps = null;
        for (int i = 0; i < files.length; i++) {
            String id = domains.get(i).zone().id();
            if (lost[i]) {
                if (check) reopen(i, now);
                continue;
            }
            if (check && !zoneDirs[i].isDirectory()) {
                gaps = put(gaps, id, lose(i, "its directory is gone"));
                continue;
            }
            try {
                if (wraps[i].update(files[i].readLong(), now) instanceof PlausibleCounter.Step.Gap g) gaps = put(gaps, id, g.note());
            } catch (IOException | IllegalArgumentException e) {
                gaps = put(gaps, id, lose(i, e.getMessage()));
                continue;
            }
            long total = wraps[i].totalUnits();
            long delta = total - lastTotal[i];
            lastTotal[i] = total;
            charges[i].add(delta / 1e6);
            powerWatts[i] = seconds > 0 ? delta / 1e6 / seconds : powerWatts[i];
        }
        settle(now, gapNanos, boundary);
        counters = snapshot();
        if (gaps != null) throw new SensorGapException(counters, gaps);
        return counters;
    }

    /** Charges the pending energy when a share is due (every attribution period, and at boundaries). */
    private void settle(long now, long gapNanos, boolean boundary) throws SensorException {
        double share = 1.0;
        if (scope == Scope.PROCESS) {
            try {
                share = boundary ? attribution.shareNow(now) : attribution.shareNearest(now, gapNanos);
            } catch (IOException e) {
                throw new SensorException("rapl: cannot read the process tree's CPU time: " + e.getMessage() + "; check --procfs-root", e);
            }
        }
        for (ChargedEnergy c : charges) c.settle(share);
    }

    private String lose(int i, String why) {
        lost[i] = true;
        files[i].close();
        return label(domains.get(i)) + " at " + domains.get(i).zone().dir()
                + " vanished or became unreadable: " + why + "; its energy is missing until it comes back";
    }

    /** How a zone is named in notes: {@code RAPL zone intel-rapl:0 (package-0 cpu_package)}. */
    static String label(PowercapDiscovery.Domain d) {
        return "RAPL zone " + d.zone().id() + " (" + d.device() + " " + d.component() + ")";
    }

    private void reopen(int i, long now) {
        PowercapDiscovery.Domain d = domains.get(i);
        try {
            OpenFile f = OpenFile.open(d.zone().energyFile(), 64);
            long raw = f.readLong();
            if (raw > d.zone().maxEnergyRangeMicroJoules()) {
                f.close();
                return;
            }
            wraps[i].rebase(raw, now);
            files[i] = f;
            lost[i] = false;
        } catch (IOException e) {
            // still gone
        }
    }

    private static Map<String, String> put(Map<String, String> gaps, String id, String note) {
        Map<String, String> m = gaps == null ? new LinkedHashMap<>() : gaps;
        m.put(id, note);
        return m;
    }

    private List<EnergyCounter> snapshot() {
        List<EnergyCounter> out = new ArrayList<>(domains.size());
        for (int i = 0; i < domains.size(); i++) {
            PowercapDiscovery.Domain d = domains.get(i);
            double joules = wraps[i].totalJoules();
            double charged = scope == Scope.PROCESS ? Math.min(charges[i].attributedJoules(), joules) : joules;
            out.add(new EnergyCounter(d.component(), d.device(), joules, charged, Method.MEASURED));
        }
        return out;
    }

    /** Implausible steps refused so far, per zone id (for tests and diagnostics). */
    public Map<String, Integer> gaps() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < domains.size(); i++) m.put(domains.get(i).zone().id(), wraps[i].gaps());
        return m;
    }

    /** The bound each zone's counter is held to, per zone id. */
    public Map<String, PowerBound> bounds() {
        Map<String, PowerBound> m = new LinkedHashMap<>();
        for (int i = 0; i < domains.size(); i++) m.put(domains.get(i).zone().id(), wraps[i].bound());
        return m;
    }

    /** Counter wraps seen so far, per zone id (for tests and diagnostics). */
    public Map<String, Integer> wraps() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < domains.size(); i++) m.put(domains.get(i).zone().id(), wraps[i].wraps());
        return m;
    }

    public List<PowercapDiscovery.Domain> domains() {
        return domains;
    }

    @Override
    public Map<String, String> assumptions() {
        return assumptions;
    }

    @Override
    public double idlePowerWatts() {
        return idleWatts;
    }

    /**
     * RAPL updates its counters about every millisecond; in process scope the charged energy moves once per
     * attribution period, so a power sample spans at least that.
     */
    @Override
    public Duration updatePeriod() {
        return scope == Scope.PROCESS ? Duration.ofNanos(attribution.periodNanos()) : Duration.ofMillis(1);
    }

    @Override
    public List<DeviceInfo> devices() {
        Map<String, List<Integer>> byDevice = new LinkedHashMap<>();
        for (int i = 0; i < domains.size(); i++) byDevice.computeIfAbsent(domains.get(i).device(), k -> new ArrayList<>()).add(i);
        List<DeviceInfo> out = new ArrayList<>();
        int index = 0;
        for (var e : byDevice.entrySet()) {
            double watts = 0;
            List<String> parts = new ArrayList<>();
            for (int i : e.getValue()) {
                watts += powerWatts[i];
                parts.add(domains.get(i).zone().id() + " " + domains.get(i).component());
            }
            out.add(new DeviceInfo("cpu", index++, cpuModel, null, -1, -1, watts,
                    powerLimitWatts.getOrDefault(e.getKey(), Double.NaN), "counter",
                    "RAPL powercap energy counters: " + String.join(" + ", parts)));
        }
        return out;
    }

    @Override
    public void close() {
        for (OpenFile f : files) f.close();
        if (attribution != null) attribution.close();
    }
}
