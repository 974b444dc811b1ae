package dev.wattiq.app;

import dev.wattiq.ledger.LedgerException;
import dev.wattiq.ledger.Site;
import dev.wattiq.ledger.carbon.IntensitySeries;
import dev.wattiq.ledger.io.SiteFile;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the energy is drawn and what it costs; shared by {@code run}, {@code show}, {@code plan}, {@code tune} and
 * {@code serve} as a picocli mixin ({@code @Mixin SiteOptions site;}). A site file is read first, flags override it,
 * and whatever is still unknown comes from the ledger's shipped data, marked a default on every bill.
 */
public final class SiteOptions {
    @Option(names = "--site", paramLabel = "FILE", description = "Site profile, YAML (.yaml/.yml) or TOML (.toml): region, PUE, tariff, green energy (see docs/ledger.md).")
    Path siteFile;

    @Option(names = "--region", paramLabel = "CODE", description = "Grid region: ISO country (FR), US state (US-IA) or cloud region (aws:us-east-1, gcp:us-central1, azure:eastus).")
    String region;

    @Option(names = "--grid-source", paramLabel = "WORD", description = "Use the region's intensity row whose source contains WORD (e.g. 'Green Algorithms') instead of the default row.")
    String gridSource;

    @Option(names = "--pue", paramLabel = "X", description = "Power usage effectiveness, >= 1 (default: operator fleet average for cloud regions, else industry average 1.56).")
    Double pue;

    @Option(names = "--price", paramLabel = "P", description = "Flat electricity price per kWh, in --currency units (not cents).")
    Double price;

    @Option(names = "--currency", paramLabel = "C", description = "ISO 4217 currency of --price, e.g. USD, EUR.")
    String currency;

    @Option(names = "--grid-intensity", paramLabel = "G", description = "Grid carbon intensity in gCO2e/kWh, overriding the region's.")
    Double gridIntensity;

    @Option(names = "--green-share", paramLabel = "F", description = "Share of energy covered by contracted green energy (PPAs, certificates), 0..1: lowers market-based CO2e only.")
    Double greenShare;

    @Option(names = "--carbon-series", paramLabel = "FILE", description = "Hourly grid intensity CSV (timestamp,gco2e_per_kwh; timestamps with UTC offset), applied hour by hour.")
    Path carbonSeries;

    @Option(names = "--strict-carbon", description = "Fail when --carbon-series does not cover the whole run (default: fill gaps with the annual figure and warn).")
    boolean strictCarbon;

    /** The site these options describe; bad input becomes a one-line {@link Errors.UserError}. */
    public Site site() {
        try {
            Site.Builder b = siteFile != null ? SiteFile.read(siteFile) : Site.builder();
            if (region != null) b.region(region);
            if (gridSource != null) b.gridSource(gridSource);
            if (pue != null) b.pue(pue, "user: --pue");
            if (currency != null) b.currency(currency, "user: --currency");
            if (price != null) b.price(price, "user: --price");
            if (gridIntensity != null) b.gridIntensity(gridIntensity, "user: --grid-intensity");
            if (greenShare != null) b.greenShare(greenShare, "user: --green-share");
            if (carbonSeries != null) b.carbonSeries(IntensitySeries.read(carbonSeries));
            if (strictCarbon) b.strict(true);
            return b.build();
        } catch (LedgerException e) {
            throw new Errors.UserError(e.getMessage());
        }
    }
}
