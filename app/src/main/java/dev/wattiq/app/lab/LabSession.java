package dev.wattiq.app.lab;

import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.run.RunIds;
import dev.wattiq.app.run.RunResults;
import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.RunStart;
import dev.wattiq.app.store.RunStore;
import dev.wattiq.app.store.SqliteRunStore;
import dev.wattiq.app.store.StoreException;
import dev.wattiq.app.store.WattiqHome;
import dev.wattiq.lab.experiments.LabRunner;
import dev.wattiq.lab.experiments.Pricer;
import dev.wattiq.lab.experiments.Trial;
import dev.wattiq.ledger.EnergyTrace;
import dev.wattiq.ledger.Ledger;
import dev.wattiq.ledger.Site;
import dev.wattiq.meter.Measurement;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.Sensors;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a lab command holds while it runs: the sensors chosen for this process, one meter, the ledger's prices at
 * the site, and (unless {@code --no-store}) the run store, where every trial becomes one stored run.
 */
public final class LabSession implements AutoCloseable {
    private static final Duration INTERVAL = Duration.ofMillis(100);
    private final Sensors.Selection selection;
    private final Meter meter;
    private final Pricer pricer;
    private final Site site;
    private final RunStore store;
    private final List<String> notes = new ArrayList<>();

    public LabSession(SensorEnvironment env, Site site, boolean useStore) {
        this.selection = Sensors.select(env);
        this.meter = Meter.start(selection.sensors(), env, INTERVAL);
        this.site = site;
        this.pricer = Pricer.at(site);
        if (selection.sensors().isEmpty()) {
            notes.add("no energy sensor available: energy, cost and CO2e are zero"
                    + (selection.skipped().isEmpty() ? "" : " (" + String.join("; ", selection.skipped()) + ")"));
        }
        RunStore s = null;
        if (useStore) {
            try {
                s = SqliteRunStore.open(WattiqHome.resolve());
            } catch (StoreException e) {
                throw new Errors.UserError(e.getMessage() + " (or pass --no-store)");
            }
        }
        this.store = s;
    }

    /** A runner whose every trial is stored (as {@code command}) and then handed to {@code onTrial}. */
    public LabRunner runner(List<String> command, Consumer<Trial> onTrial) {
        return runner(command, onTrial, 1);
    }

    /** Like {@link #runner(List, Consumer)}, each trial run and measured {@code repeats} times (see {@link LabRunner}). */
    public LabRunner runner(List<String> command, Consumer<Trial> onTrial, int repeats) {
        return new LabRunner(meter, pricer, t -> {
            store(command, t);
            onTrial.accept(t);
        }, repeats);
    }

    /** Warnings the user must see: missing sensors, runs that could not be stored. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** The method of the energy figures ({@code measured}, {@code integrated}, {@code estimated}, or {@code none}). */
    public String method(Measurement m) {
        return m.energies().isEmpty() ? "none" : m.method().label();
    }

    private void store(List<String> command, Trial t) {
        if (store == null) return;
        Measurement m = t.measurement();
        List<String> cmd = new ArrayList<>(command);
        cmd.add(t.name());
        Map<String, String> labels = new LinkedHashMap<>(t.config());
        labels.put("experiment", t.name());
        labels.put("quality_r2", Double.toString(t.point().quality()));
        try {
            RunStart start = new RunStart(RunIds.next(m.start()), cmd, m.start(), m.scope().name().toLowerCase(java.util.Locale.ROOT),
                    INTERVAL.toNanos() / 1e9, labels, null, host(), ProcessHandle.current().pid(),
                    ProcessHandle.current().info().startInstant().orElse(null), method(m));
            store.begin(start);
            RunRecord r = RunResults.finished(start, m, selection.sensors(), selection.skipped(), 0, m.start().plus(m.duration()),
                    m.duration(), false);
            r = r.withBill(Ledger.bill(EnergyTrace.of(m), site));
            store.finish(r);
        } catch (StoreException e) {
            if (notes.size() < 5) notes.add("trial " + t.name() + " was not stored: " + e.getMessage());
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        meter.close();
        if (store != null) store.close();
    }
}
