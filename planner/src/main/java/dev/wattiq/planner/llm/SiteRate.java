package dev.wattiq.planner.llm;

import dev.wattiq.ledger.Bill;
import dev.wattiq.ledger.EnergyTrace;
import dev.wattiq.ledger.Ledger;
import dev.wattiq.ledger.Site;
import java.time.Instant;

/**
 * A site reduced to per-IT-kWh rates for fast sweeps: facility kWh, money and CO2e per IT kWh, read from the ledger's
 * bill of one IT kWh over one hour starting at {@code start} (energy charge only: a demand charge depends on the peak). Exact for flat tariffs and constant PUE; with
 * time-of-use tariffs, hourly carbon series or a PUE curve it is the rate of that hour (the sweep says so).
 *
 * @param name              label, e.g. the region code
 * @param pue               facility kWh per IT kWh
 * @param costPerItKwh      money per IT kWh, in {@code currency}
 * @param co2eKgPerItKwh    location-based kg CO2e per IT kWh
 */
public record SiteRate(String name, double pue, double costPerItKwh, String currency, double co2eKgPerItKwh) {
    /** Reads the rates from {@link Ledger#bill} at {@code start}. */
    public static SiteRate of(String name, Site site, Instant start) {
        Bill b = Ledger.bill(EnergyTrace.of(start, 3600, Bill.JOULES_PER_KWH), site);
        return new SiteRate(name, b.facilityEnergyJoules() / Bill.JOULES_PER_KWH, b.energyCharge(), b.cost().currency(),
                b.co2eLocationKg());
    }
}
