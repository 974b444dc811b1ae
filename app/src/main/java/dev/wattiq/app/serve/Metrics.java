package dev.wattiq.app.serve;

import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.RunWindow;
import dev.wattiq.meter.control.Work;
import dev.wattiq.meter.EnergyCounter;
import dev.wattiq.meter.PowerSample;
import dev.wattiq.meter.Sensor;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /metrics}: WattIQ's figures as Prometheus metrics, through the Prometheus Java client. Every metric is a
 * callback over the snapshots held by {@link LiveMachine} and {@link StoreView}; a scrape never touches a sensor.
 * Names follow Prometheus conventions: {@code wattiq_} prefix, base units (joules, watts, grams), {@code _total}
 * for counters.
 */
public final class Metrics {
    /** Windows exported per run in progress (the latest ones): a run may hold thousands, Prometheus wants few series. */
    static final int WINDOWS_PER_RUN = 100;
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final LiveMachine live;
    private final StoreView runs;
    private volatile Rendered rendered = new Rendered(null, null, null);

    /** The last exposition and the two snapshots it was made from: until either changes, it is still exact. */
    private record Rendered(LiveMachine.Snapshot live, StoreView.Snapshot runs, byte[] body) {
    }

    public Metrics(LiveMachine live, StoreView runs, List<Sensor> sensors, String host) {
        this.live = live;
        this.runs = runs;
        CounterWithCallback.builder().name("wattiq_energy_joules_total")
                .help("Energy charged to this machine since wattiq serve started, per component and device; with a wall source,"
                        + " component=\"other\" is the wall less the components (fans, power supply, the rest), so the components"
                        + " and other add up to the wall")
                .labelNames("component", "device")
                .callback(cb -> {
                    List<EnergyCounter> counters = live.snapshot().reading().counters();
                    for (EnergyCounter c : counters) if (!c.isWall()) cb.call(c.attributedJoules(), c.component(), c.device());
                    double other = other(counters);
                    if (!Double.isNaN(other)) cb.call(other, "other", "machine");
                }).register(registry);
        CounterWithCallback.builder().name("wattiq_wall_energy_joules_total")
                .help("Energy at the wall (a node-level meter: ACPI power meter or the BMC over Redfish) since wattiq serve started,"
                        + " whole machine; not a component, so never add it to wattiq_energy_joules_total")
                .labelNames("device")
                .callback(cb -> {
                    for (EnergyCounter c : live.snapshot().reading().counters()) if (c.isWall()) cb.call(c.joules(), c.device());
                }).register(registry);
        GaugeWithCallback.builder().name("wattiq_wall_power_watts")
                .help("Power at the wall over the latest sampling interval, whole machine")
                .callback(cb -> {
                    PowerSample s = live.snapshot().latest();
                    if (s != null && Double.isFinite(s.wallWatts())) cb.call(s.wallWatts());
                }).register(registry);
        GaugeWithCallback.builder().name("wattiq_power_watts")
                .help("Power over the latest sampling interval, per component")
                .labelNames("component")
                .callback(cb -> {
                    PowerSample s = live.snapshot().latest();
                    if (s == null) return;
                    for (Map.Entry<String, Double> e : s.wattsByComponent().entrySet()) cb.call(e.getValue(), e.getKey());
                }).register(registry);
        CounterWithCallback.builder().name("wattiq_cost_total")
                .help("Energy charge for this machine's energy since start at the configured site (facility energy x tariff)")
                .labelNames("currency")
                .callback(cb -> {
                    LiveMachine.Costs k = live.snapshot().costs();
                    cb.call(k.cost(), k.currency() == null ? "" : k.currency());
                }).register(registry);
        CounterWithCallback.builder().name("wattiq_co2e_grams_total")
                .help("CO2e of this machine's facility energy since start, location-based (grid) and market-based (after green energy)")
                .labelNames("basis")
                .callback(cb -> {
                    LiveMachine.Costs k = live.snapshot().costs();
                    cb.call(k.co2eLocationGrams(), "location");
                    cb.call(k.co2eMarketGrams(), "market");
                }).register(registry);
        GaugeWithCallback.builder().name("wattiq_sensor_up")
                .help("1 when the sensor's latest poll succeeded, 0 when it failed")
                .labelNames("sensor")
                .callback(cb -> {
                    PowerSample s = live.snapshot().latest();
                    for (Sensor sensor : sensors) cb.call(s != null && s.gap() ? 0 : 1, sensor.name());
                }).register(registry);
        CounterWithCallback.builder().name("wattiq_run_energy_joules_total")
                .help("Energy charged so far to each run in progress recorded on this node by wattiq run")
                .labelNames("run_id", "job", "host")
                .callback(cb -> {
                    for (RunRecord r : running(runs, host)) cb.call(r.totalJoules(), r.runId(), r.job() == null ? "" : r.job(), orEmpty(r.host()));
                }).register(registry);
        CounterWithCallback.builder().name("wattiq_job_energy_joules_total")
                .help("Energy charged so far to the runs in progress of each job on this node (sum over its ranks)")
                .labelNames("job")
                .callback(cb -> {
                    Map<String, Double> byJob = new TreeMap<>();
                    for (RunRecord r : running(runs, host)) if (r.job() != null) byJob.merge(r.job(), r.totalJoules(), Double::sum);
                    byJob.forEach((job, j) -> cb.call(j, job));
                }).register(registry);
        GaugeWithCallback.builder().name("wattiq_run_window_energy_joules")
                .help("Energy of each window closed so far in the runs in progress on this node (the last " + WINDOWS_PER_RUN
                        + " per run; index orders them by start)")
                .labelNames("run_id", "job", "host", "window", "index")
                .callback(cb -> {
                    for (RunRecord r : running(runs, host)) {
                        List<RunWindow> w = r.windows();
                        for (int i = Math.max(0, w.size() - WINDOWS_PER_RUN); i < w.size(); i++) {
                            if (Double.isFinite(w.get(i).totalJoules())) {
                                cb.call(w.get(i).totalJoules(), r.runId(), orEmpty(r.job()), orEmpty(r.host()), w.get(i).name(), String.valueOf(i));
                            }
                        }
                    }
                }).register(registry);
        CounterWithCallback.builder().name("wattiq_run_work_total")
                .help("Work reported so far by the runs in progress on this node, by unit (steps, samples, tokens)")
                .labelNames("run_id", "job", "host", "unit")
                .callback(cb -> {
                    for (RunRecord r : running(runs, host)) {
                        Work k = r.work();
                        cb.call(k.steps(), r.runId(), orEmpty(r.job()), orEmpty(r.host()), "steps");
                        cb.call(k.samples(), r.runId(), orEmpty(r.job()), orEmpty(r.host()), "samples");
                        cb.call(k.tokens(), r.runId(), orEmpty(r.job()), orEmpty(r.host()), "tokens");
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("wattiq_runs_in_progress")
                .help("Runs recorded by wattiq run on this node that have not ended")
                .callback(cb -> cb.call(running(runs, host).size())).register(registry);
        CounterWithCallback.builder().name("wattiq_meter_samples_total")
                .help("Power samples taken by this server's meter")
                .callback(cb -> cb.call(live.snapshot().samples())).register(registry);
    }

    /**
     * The wall less every component's whole-device energy since start; NaN without a wall. Kept from going down (a
     * Prometheus counter never does): the components' counters can briefly run ahead of a wall reading held between polls.
     */
    private synchronized double other(List<EnergyCounter> counters) {
        double wall = 0;
        double components = 0;
        boolean any = false;
        for (EnergyCounter c : counters) {
            if (c.isWall()) {
                wall += c.joules();
                any = true;
            } else {
                components += c.joules();
            }
        }
        if (!any) return Double.NaN;
        otherJoules = Math.max(otherJoules, wall - components);
        return otherJoules;
    }

    private double otherJoules;

    /** Runs in progress recorded on this host (a shared store holds other nodes' runs too: their own agents export them). */
    private static List<RunRecord> running(StoreView runs, String host) {
        return runs.snapshot().runs().stream().filter(r -> "running".equals(r.status()) && (r.host() == null || r.host().equals(host))).toList();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * The exposition in the Prometheus text format (version 0.0.4). Every value comes from the meter's and the
     * store's snapshots, so the text is rendered once per new snapshot (about once per sampling interval), not per
     * scrape.
     */
    public byte[] scrape() throws IOException {
        LiveMachine.Snapshot l = live.snapshot();
        StoreView.Snapshot r = runs.snapshot();
        Rendered last = rendered;
        if (last.live() == l && last.runs() == r) return last.body();
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        writer.write(out, registry.scrape(), EscapingScheme.DEFAULT);
        byte[] body = out.toByteArray();
        rendered = new Rendered(l, r, body);
        return body;
    }

    public String contentType() {
        return writer.getContentType();
    }
}
