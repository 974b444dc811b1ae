package dev.wattiq.app.cli;

import dev.wattiq.ledger.Site;
import dev.wattiq.ledger.carbon.IntensitySeries;
import dev.wattiq.ledger.io.SiteFile;
import java.nio.file.Path;

/**
 * Where the energy is drawn and what it costs, as a request gives it: the site part of every request that bills
 * ({@code plan}, {@code tune llm}, {@code run}, ...). The CLI fills it from {@link SiteOptions}; the HTTP API from the
 * body's scalar fields only (no file is ever read for an HTTP request: {@code siteFile} and {@code carbonSeries} stay null).
 * Every field may be null (absent): a site file is read first, the other fields override it, and whatever is still
 * unknown comes from the ledger's shipped data, marked a default on every bill.
 */
public record SiteRequest(Path siteFile, String region, String gridSource, Double pue, Double price, String currency,
                          Double gridIntensity, Double greenShare, Path carbonSeries, boolean strictCarbon) {
    /** Nothing given: every figure from the ledger's shipped data. */
    public static final SiteRequest NONE = new SiteRequest(null, null, null, null, null, null, null, null, null, false);

    /** A site from scalar fields only (no files): what an HTTP request can give. */
    public static SiteRequest of(String region, String gridSource, Double pue, Double price, String currency, Double gridIntensity,
                                 Double greenShare) {
        return new SiteRequest(null, region, gridSource, pue, price, currency, gridIntensity, greenShare, null, false);
    }

    /** Whether any field was given. */
    public boolean given() {
        return !equals(NONE);
    }

    /** The site this request describes; bad input is a one-line {@link dev.wattiq.ledger.LedgerException}. */
    public Site site() {
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
    }
}
