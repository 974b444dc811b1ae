package dev.wattiq.app.plan;

import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.cli.SiteRequest;
import dev.wattiq.ledger.Embodied;
import dev.wattiq.ledger.Site;
import dev.wattiq.meter.Clock;
import dev.wattiq.planner.data.Defaults;
import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.HardwareCatalog;
import java.time.Instant;
import java.util.Optional;

/**
 * What a plan is about and where it runs, shared by {@code plan train} and {@code plan infer} (CLI:
 * {@link PlanTargetOptions}; HTTP: the same fields in snake_case). Null means "not given": the planner's model or the
 * shipped data decides.
 *
 * @param devices  device count (train: the whole run; infer: per replica), a whole number >= 1
 * @param start    when the run starts, for time-dependent tariffs and carbon series; null: now
 * @param embodied whether to add the devices' manufacturing CO2e, amortised over their service life
 */
public record PlanTarget(String model, Double params, Double activeParams, String hardware, Integer devices, String precision,
                         Double hostOverhead, Instant start, boolean embodied, SiteRequest site) {
    /** The precision when none is given. */
    public static final String DEFAULT_PRECISION = "bf16";

    public PlanTarget {
        if (precision == null) precision = DEFAULT_PRECISION;
        if (site == null) site = SiteRequest.NONE;
    }

    /** The catalogue's device; a one-line user error when none was named. */
    Hardware device() {
        if (hardware == null) throw new Errors.UserError("no hardware given: add --hardware, e.g. --hardware H100-SXM (see --list-hardware)");
        return HardwareCatalog.shipped().find(hardware);
    }

    Instant startOr(Clock clock) {
        return start != null ? start : clock.wallTime();
    }

    /**
     * The site to bill at: the request's, plus (when asked) the embodied CO2e of {@code count} devices from the
     * hardware catalogue, amortised over the shipped service life (the ledger does the arithmetic).
     */
    Site billingSite(Hardware hw, int count) {
        Site site = site().site();
        if (!embodied) return site;
        if (Double.isNaN(hw.embodiedKgCo2e())) {
            throw new Errors.UserError("no published embodied CO2e for " + hw.id() + " in hardware.csv: drop --embodied"
                    + " (or add the figure with its source to the catalogue)");
        }
        double years = Defaults.shipped().get("hardware.lifetime_years");
        var e = new Embodied(count * hw.embodiedKgCo2e(), years, count + " x " + hw.id() + " x " + hw.embodiedKgCo2e()
                + " kg (hardware.csv: " + hw.source() + "); lifetime: " + Defaults.shipped().assumption("hardware.lifetime_years").source());
        return new Site(site.region(), site.pue(), site.tariff(), site.gridIntensity(), site.carbonSeries(), site.green(),
                Optional.of(e), site.strict(), site.warnings());
    }

    /** {@code value} as a device or batch count: a whole number >= 1 ({@code name} names the field in the message). */
    public static Integer count(String name, Double value) {
        if (value == null) return null;
        double v = value;
        if (!(v >= 1) || v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw new Errors.UserError(name + " must be a whole number >= 1, got " + v + ": give a whole number such as 2048");
        }
        return (int) v;
    }
}
