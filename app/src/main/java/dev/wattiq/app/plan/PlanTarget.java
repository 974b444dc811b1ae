package dev.wattiq.app.plan;

import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.cli.SiteRequest;
import dev.wattiq.ledger.Embodied;
import dev.wattiq.ledger.Site;
import dev.wattiq.meter.Clock;
import dev.wattiq.planner.data.Defaults;
import dev.wattiq.meter.io.Csv;
import dev.wattiq.planner.UnknownNameException;
import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.hardware.HardwareChoice;
import dev.wattiq.planner.hardware.UserHardware;
import dev.wattiq.planner.model.ModelArchitecture;
import dev.wattiq.planner.model.ModelCatalog;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.wattiq.meter.UserInputException.field;

/**
 * What a plan is about and where it runs, shared by {@code plan train} and {@code plan infer} (CLI:
 * {@link PlanTargetOptions}; HTTP: the same fields in snake_case). Null means "not given": the planner's model or the
 * shipped data decides.
 *
 * @param devices  device count (train: the whole run; infer: per replica), a whole number >= 1
 * @param start    when the run starts, for time-dependent tariffs and carbon series; null: now
 * @param embodied whether to add the devices' manufacturing CO2e, amortised over their service life
 * @param hardwareFile the user's own devices (CLI: --hardware-file; HTTP: {@code hardware_csv}), or null
 */
public record PlanTarget(String model, Double params, Double activeParams, String hardware, Integer devices, String precision,
                         Double hostOverhead, Instant start, boolean embodied, SiteRequest site, HardwareFile hardwareFile) {
    /**
     * A CSV of devices with the hardware catalogue's columns.
     *
     * @param origin what the text is called in messages and sources (the file's path, or the body field)
     * @param csv    the file's text
     */
    public record HardwareFile(String origin, String csv) {
    }

    /** The precision when none is given. */
    public static final String DEFAULT_PRECISION = "bf16";

    public PlanTarget {
        if (precision == null) precision = DEFAULT_PRECISION;
        if (site == null) site = SiteRequest.NONE;
    }

    /**
     * The device named, from the catalogue and the user's hardware file: with the other devices an ambiguous short name
     * also fits, so the choice is printed. A file of one device needs no --hardware. An unknown name's error offers the
     * way out: describe the device in a file.
     */
    HardwareChoice device() {
        HardwareCatalog catalogue = HardwareCatalog.shipped();
        String name = hardware;
        if (hardwareFile != null) {
            Csv.Table table = Csv.parse(hardwareFile.origin(), hardwareFile.csv());
            catalogue = UserHardware.over(catalogue, table);
            if (name == null && table.size() == 1) name = table.row(0).text("id");
        }
        if (name == null) {
            throw new Errors.UserError("no hardware given: add " + field("hardware") + ", e.g. " + field("hardware") + " H100-SXM (see "
                    + field("list_hardware", "the hardware catalogue, hardware.csv") + "), or describe yours in a file: " + field("hardware_file") + " FILE");
        }
        try {
            return catalogue.resolve(name);
        } catch (UnknownNameException e) {
            if (hardwareFile != null) {
                List<String> yours = catalogue.all().stream().filter(h -> h.provenance().isUser()).map(Hardware::id).toList();
                throw new Errors.UserError(e.marked() + "; " + hardwareFile.origin() + " has " + String.join(", ", yours));
            }
            throw new Errors.UserError(e.marked() + "; a device the catalogue lacks can be planned from a file of yours:"
                    + " " + field("hardware_file") + " FILE with hardware.csv's columns (" + String.join(",", UserHardware.REQUIRED)
                    + ",bf16_tflops; e.g. examples/hardware-file.csv)");
        }
    }

    /** A published architecture by name; an unknown one's error says how to plan any model by its size. */
    static ModelArchitecture architecture(String model) {
        try {
            return ModelCatalog.shipped().find(model);
        } catch (UnknownNameException e) {
            throw new Errors.UserError(e.marked() + "; or plan it by its size: " + field("params") + " 70B (for a mixture of experts also "
                    + field("active_params") + ", e.g. " + field("params") + " 47B " + field("active_params") + " 13B)");
        }
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
            throw new Errors.UserError("no published embodied CO2e for " + hw.id() + " in hardware.csv: drop " + field("embodied")
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
