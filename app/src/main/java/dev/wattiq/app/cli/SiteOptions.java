package dev.wattiq.app.cli;

import dev.wattiq.ledger.Site;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where the energy is drawn and what it costs; shared by {@code run}, {@code show}, {@code plan}, {@code tune},
 * {@code serve}, the lab and the demo. A site file is read first, flags override it, and whatever is still unknown
 * comes from the ledger's shipped data, marked a default on every bill. Declared in code ({@link CliOptions}):
 * {@code run} adds {@link #spec()} as a mixin, annotated commands hold an instance ({@link Holder}) and name
 * {@link CliOptions.SharedGroups} as their model transformer.
 */
public final class SiteOptions {
    /** The name of this group as a picocli mixin. */
    public static final String MIXIN = "site";

    Path siteFile;
    String region;
    String gridSource;
    Double pue;
    Double price;
    String currency;
    Double gridIntensity;
    Double greenShare;
    Path carbonSeries;
    boolean strictCarbon;

    /** A command that takes these options. */
    public interface Holder {
        SiteOptions siteOptions();
    }

    /** The options as a picocli mixin bound to this object. */
    public CommandSpec spec() {
        CommandSpec s = CommandSpec.create();
        s.addOption(CliOptions.option("--site", "FILE", Path.class, () -> siteFile, v -> siteFile = v,
                "Site profile, YAML (.yaml/.yml) or TOML (.toml): region, PUE, tariff, green energy (see docs/ledger.md).").build());
        s.addOption(CliOptions.option("--region", "CODE", String.class, () -> region, v -> region = v,
                "Grid region: ISO country (FR), US state (US-IA) or cloud region (aws:us-east-1, gcp:us-central1, azure:eastus).").build());
        s.addOption(CliOptions.option("--grid-source", "WORD", String.class, () -> gridSource, v -> gridSource = v,
                "Use the region's intensity row whose source contains WORD (e.g. 'Green Algorithms') instead of the default row.").build());
        s.addOption(CliOptions.option("--pue", "X", Double.class, () -> pue, v -> pue = v,
                "Power usage effectiveness, >= 1 (default: operator fleet average for cloud regions, else industry average 1.56).").build());
        s.addOption(CliOptions.option("--price", "P", Double.class, () -> price, v -> price = v,
                "Flat electricity price per kWh, in --currency units (not cents).").build());
        s.addOption(CliOptions.option("--currency", "C", String.class, () -> currency, v -> currency = v,
                "ISO 4217 currency of --price, e.g. USD, EUR.").build());
        s.addOption(CliOptions.option("--grid-intensity", "G", Double.class, () -> gridIntensity, v -> gridIntensity = v,
                "Grid carbon intensity in gCO2e/kWh, overriding the region's.").build());
        s.addOption(CliOptions.option("--green-share", "F", Double.class, () -> greenShare, v -> greenShare = v,
                "Share of energy covered by contracted green energy (PPAs, certificates), 0..1: lowers market-based CO2e only.").build());
        s.addOption(CliOptions.option("--carbon-series", "FILE", Path.class, () -> carbonSeries, v -> carbonSeries = v,
                "Hourly grid intensity CSV (timestamp,gco2e_per_kwh; timestamps with UTC offset), applied hour by hour.").build());
        s.addOption(CliOptions.flag("--strict-carbon", () -> strictCarbon, v -> strictCarbon = v,
                "Fail when --carbon-series does not cover the whole run (default: fill gaps with the annual figure and warn)."));
        return s;
    }

    /** The request these options make. */
    public SiteRequest request() {
        return new SiteRequest(siteFile, region, gridSource, pue, price, currency, gridIntensity, greenShare, carbonSeries, strictCarbon);
    }

    /** Whether any of these options was given. */
    public boolean given() {
        return request().given();
    }

    /** The site these options describe; bad input is a one-line user error ({@link dev.wattiq.ledger.LedgerException}). */
    public Site site() {
        return request().site();
    }
}
