package dev.wattiq.app.serve;

import dev.wattiq.ledger.Bill;
import dev.wattiq.ledger.EnergyTrace;
import dev.wattiq.ledger.Ledger;
import dev.wattiq.ledger.LedgerException;
import dev.wattiq.ledger.Site;
import dev.wattiq.meter.Clock;
import dev.wattiq.meter.EnergyCounter;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.PowerSample;
import dev.wattiq.meter.Reading;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * What {@code wattiq serve} knows of this machine, kept up to date by the meter's sampler thread: the latest
 * counters, a bounded window of recent power samples, and the ledger's running cost and CO2e. Handlers only read
 * immutable snapshots from here; nothing in this class is called with a sensor from a request thread.
 */
public final class LiveMachine {
    /** How many recent samples the dashboard's live chart can see. */
    public static final int RECENT_SAMPLES = 600;

    private final Meter meter;
    private final Site site;
    private final Instant startedAt;
    private final ArrayDeque<PowerSample> recent = new ArrayDeque<>();
    private volatile Snapshot snapshot;
    private double cost;
    private double co2eLocationGrams;
    private double co2eMarketGrams;
    private String currency;
    private String ledgerProblem;

    /**
     * Costs at a site, as of the latest sample.
     *
     * @param cost               money for the energy charge (demand charges need a billing period and are not included)
     * @param currency           ISO 4217 code
     * @param co2eLocationGrams  location-based CO2e
     * @param co2eMarketGrams    market-based CO2e
     * @param problem            why the ledger could not bill the latest sample, or null
     */
    public record Costs(double cost, String currency, double co2eLocationGrams, double co2eMarketGrams, String problem) {
    }

    /** An immutable view for handlers. */
    public record Snapshot(Reading reading, PowerSample latest, List<PowerSample> recent, Costs costs, long samples) {
    }

    public LiveMachine(Meter meter, Site site, Clock clock) {
        this.startedAt = clock.wallTime();
        this.meter = meter;
        this.site = site;
        this.currency = site.currency();
        this.snapshot = new Snapshot(meter.latest(), null, List.of(), new Costs(0, currency, 0, 0, null), 0);
    }

    /** The meter's listener: called on its sampler thread after every sample. */
    public synchronized void onSample(PowerSample s) {
        recent.addLast(s);
        while (recent.size() > RECENT_SAMPLES) recent.removeFirst();
        double joules = s.totalWatts() * s.intervalSeconds();
        if (joules > 0 && s.intervalSeconds() > 0) {
            try {
                Instant start = s.wallTime().minusNanos((long) (s.intervalSeconds() * 1e9));
                Bill b = Ledger.bill(EnergyTrace.of(start, s.intervalSeconds(), joules), site);
                cost += b.energyCharge();
                currency = b.cost().currency();
                co2eLocationGrams += b.co2eLocationKg() * 1000;
                co2eMarketGrams += b.co2eMarketKg() * 1000;
                ledgerProblem = null;
            } catch (LedgerException e) {
                ledgerProblem = e.getMessage();
            }
        }
        snapshot = new Snapshot(meter.latest(), s, List.copyOf(recent), new Costs(cost, currency, co2eLocationGrams, co2eMarketGrams, ledgerProblem),
                snapshot.samples() + 1);
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public Meter meter() {
        return meter;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** Sum of every component counter's charged joules since the server started (the wall is not a component). */
    public static double totalJoules(Reading r) {
        double sum = 0;
        for (EnergyCounter c : r.counters()) if (!c.isWall()) sum += c.attributedJoules();
        return sum;
    }
}
