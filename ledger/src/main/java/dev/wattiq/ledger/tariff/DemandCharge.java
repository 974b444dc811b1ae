package dev.wattiq.ledger.tariff;

import dev.wattiq.ledger.Assumption;
import dev.wattiq.ledger.LedgerException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A charge on the highest average facility power over any demand window (clock-aligned, e.g. 15 minutes) in a billing
 * month. The run is charged as if its own peak set the site's peak in each month it touches: an upper bound for a run
 * that shares the site, exact for one that has it alone.
 *
 * @param pricePerKw    price per kW of monthly peak, >= 0, in the tariff's currency
 * @param windowMinutes length of the demand window, in minutes (1 to 60, dividing 60)
 * @param zone          time zone the billing months and windows are counted in
 * @param source        where the charge comes from
 */
public record DemandCharge(double pricePerKw, int windowMinutes, ZoneId zone, String source) {
    public DemandCharge {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(source, "source");
        if (!(pricePerKw >= 0) || !Double.isFinite(pricePerKw)) {
            throw new LedgerException("demand charge " + pricePerKw + " per kW (" + source + ") is not allowed: give a price >= 0 per kW of monthly peak");
        }
        if (windowMinutes < 1 || windowMinutes > 60 || 60 % windowMinutes != 0) {
            throw new LedgerException("demand window of " + windowMinutes + " min (" + source + "): give a window that divides an hour, e.g. 15, 30 or 60");
        }
    }

    /** Start of the demand window holding {@code t}. */
    public Instant windowStart(Instant t) {
        long windowSeconds = windowMinutes * 60L;
        long offset = zone.getRules().getOffset(t).getTotalSeconds();
        long local = t.getEpochSecond() + offset;
        return Instant.ofEpochSecond(Math.floorDiv(local, windowSeconds) * windowSeconds - offset);
    }

    /** Start of the next demand window after {@code t}. */
    public Instant nextBoundary(Instant t) {
        return windowStart(t).plusSeconds(windowMinutes * 60L);
    }

    /** The billing month that holds {@code t}. */
    public YearMonth billingMonth(Instant t) {
        return YearMonth.from(t.atZone(zone));
    }

    List<Assumption> assumptions(String currency) {
        return List.of(
                Assumption.of("demand_charge", pricePerKw, currency + "/kW-month", source, false),
                new Assumption("demand_window", windowMinutes + " min, months in " + zone.getId(), "", source, false),
                new Assumption("demand_peak_attribution", "run's own peak charged in full", "", "WattIQ rule: upper bound when the site is shared", true));
    }
}
