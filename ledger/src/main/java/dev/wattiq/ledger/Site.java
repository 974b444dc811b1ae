package dev.wattiq.ledger;

import dev.wattiq.ledger.carbon.AnnualIntensity;
import dev.wattiq.ledger.carbon.IntensitySeries;
import dev.wattiq.ledger.data.GridTable;
import dev.wattiq.ledger.data.PriceTable;
import dev.wattiq.ledger.data.PueTable;
import dev.wattiq.ledger.pue.ConstantPue;
import dev.wattiq.ledger.pue.PueModel;
import dev.wattiq.ledger.tariff.FlatTariff;
import dev.wattiq.ledger.tariff.Tariff;
import dev.wattiq.ledger.tariff.TimeOfUseTariff;
import dev.wattiq.meter.NonNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where the energy is drawn: region, PUE, tariff, grid intensity (annual, optionally overridden by an hourly series),
 * green energy and, optionally, embodied hardware carbon. Build one with {@link #builder()}; what the user leaves out
 * is filled from the shipped data and marked a default on every bill.
 *
 * @param region        canonical region code, or {@code WORLD} when none was named
 * @param pue           facility energy / IT energy
 * @param tariff        what a kWh costs, when
 * @param gridIntensity annual intensity (used for every hour the series does not cover)
 * @param carbonSeries  hourly intensities overriding {@code gridIntensity}
 * @param green         on-site and contracted green energy
 * @param embodied      hardware manufacturing CO2e to amortise, if asked for
 * @param strict        true: a carbon series that does not cover the run is an error, not a warning
 * @param warnings      what building the site overrode or guessed, for the bill's warnings
 */
public record Site(
        String region,
        PueModel pue,
        Tariff tariff,
        AnnualIntensity gridIntensity,
        Optional<IntensitySeries> carbonSeries,
        GreenEnergy green,
        Optional<Embodied> embodied,
        boolean strict,
        List<String> warnings) {

    public Site {
        NonNull.check("region, pue, tariff, gridIntensity, carbonSeries, green, embodied",
                region, pue, tariff, gridIntensity, carbonSeries, green, embodied);
        warnings = List.copyOf(warnings);
    }

    /** The site when the user says nothing: world-average intensity, industry PUE, US average price. All defaults. */
    public static Site defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public String currency() {
        return tariff.currency();
    }

    /** Everything this site contributes to a bill, in a stable order. */
    public List<Assumption> assumptions() {
        List<Assumption> out = new ArrayList<>();
        out.add(new Assumption("region", region, "", region.equals(GridTable.WORLD) ? "no region given" : "user", region.equals(GridTable.WORLD)));
        out.addAll(pue.assumptions());
        out.addAll(tariff.assumptions());
        out.addAll(gridIntensity.assumptions());
        carbonSeries.ifPresent(s -> out.add(new Assumption("carbon_series", s.points().size() + " hours from " + s.points().firstKey(), "gCO2e/kWh hourly", s.source(), false)));
        out.addAll(green.assumptions());
        embodied.ifPresent(e -> out.addAll(e.assumptions()));
        return out;
    }

    /**
     * Collects what the user said, then fills the rest from the shipped tables. Later calls override earlier ones,
     * so apply the site file first and the flags after it.
     */
    public static final class Builder {
        private String region;
        private String gridSource;
        private PueModel pue;
        private Tariff tariff;
        private Double price;
        private String priceSource;
        private String currency;
        private String currencySource;
        private AnnualIntensity intensity;
        private IntensitySeries series;
        private double onsiteShare;
        private double greenShare;
        private OptionalDouble residualMix = OptionalDouble.empty();
        private String greenSource;
        private Embodied embodied;
        private boolean strict;
        private final List<String> warnings = new ArrayList<>();

        private Builder() {
        }

        /** Region code (ISO country, US state {@code US-IA}, cloud {@code aws:us-east-1}); unknown codes fail in {@link #build()}. */
        public Builder region(String code) {
            this.region = Objects.requireNonNull(code, "code");
            return this;
        }

        /** Pick the region's row whose source contains {@code hint} instead of the preferred row. */
        public Builder gridSource(String hint) {
            this.gridSource = hint;
            return this;
        }

        public Builder pue(double value, String source) {
            this.pue = new ConstantPue(value, source, false);
            return this;
        }

        public Builder pue(PueModel model) {
            this.pue = Objects.requireNonNull(model, "model");
            return this;
        }

        /** A whole tariff (from a site file); a later {@link #price} replaces its energy prices. */
        public Builder tariff(Tariff t) {
            this.tariff = Objects.requireNonNull(t, "tariff");
            return this;
        }

        /** A flat price per kWh, in the currency given by {@link #currency} (or the tariff's). */
        public Builder price(double pricePerKwh, String source) {
            Tariff.checkPrice(pricePerKwh, source);
            this.price = pricePerKwh;
            this.priceSource = source;
            return this;
        }

        public Builder currency(String code, String source) {
            this.currency = Tariff.checkCurrency(code, source);
            this.currencySource = source;
            return this;
        }

        public Builder gridIntensity(double gramsPerKwh, String source) {
            this.intensity = AnnualIntensity.user(gramsPerKwh, source);
            return this;
        }

        public Builder carbonSeries(IntensitySeries s) {
            this.series = Objects.requireNonNull(s, "series");
            return this;
        }

        /** Share of facility energy covered by contracted green energy (PPAs, certificates), 0..1. */
        public Builder greenShare(double share, String source) {
            GreenEnergy.checkShare("green share", share, source);
            this.greenShare = share;
            this.greenSource = source;
            return this;
        }

        /** Share of facility energy generated and used on site, 0..1. */
        public Builder onsiteShare(double share, String source) {
            GreenEnergy.checkShare("on-site renewable share", share, source);
            this.onsiteShare = share;
            this.greenSource = greenSource == null ? source : greenSource;
            return this;
        }

        /** Residual-mix intensity for the market-based figure, gCO2e/kWh. */
        public Builder residualMix(double gramsPerKwh, String source) {
            AnnualIntensity.check(gramsPerKwh, source);
            this.residualMix = OptionalDouble.of(gramsPerKwh);
            this.greenSource = greenSource == null ? source : greenSource;
            return this;
        }

        public Builder embodied(Embodied e) {
            this.embodied = e;
            return this;
        }

        /** True: a carbon series that does not cover the run fails the bill. */
        public Builder strict(boolean s) {
            this.strict = s;
            return this;
        }

        public Site build() {
            GridTable grid = GridTable.shipped();
            String code = region == null ? GridTable.WORLD : grid.canonical(region);
            AnnualIntensity ai = intensity;
            if (ai == null) {
                ai = grid.select(code, Optional.ofNullable(gridSource)).intensity();
                if (region == null) ai = new AnnualIntensity(ai.region(), ai.gramsPerKwh(), ai.kind(), ai.scope(), ai.year(), ai.source(), true);
            }
            PueModel p = pue != null ? pue : PueTable.shipped().forRegion(code);
            GreenEnergy g = greenSource == null ? GreenEnergy.NONE : new GreenEnergy(onsiteShare, greenShare, residualMix, greenSource);
            return new Site(code, p, resolveTariff(code), ai, Optional.ofNullable(series), g, Optional.ofNullable(embodied), strict, warnings);
        }

        private Tariff resolveTariff(String code) {
            Tariff base = tariff;
            if (base == null) {
                PriceTable prices = PriceTable.shipped();
                base = prices.forRegion(code).orElseGet(() -> {
                    FlatTariff f = prices.fallback();
                    String why = region == null ? "no region given" : "no shipped price for " + code;
                    return new FlatTariff(f.pricePerKwh(), f.currency(), f.source() + " (" + why + ")", true);
                });
            }
            if (price == null) {
                if (currency != null && !currency.equals(base.currency())) {
                    throw new LedgerException(currencySource + " says " + currency + " but the price in use (" + base.assumptions().getFirst().source()
                            + ") is in " + base.currency() + ": give the price in " + currency + " too (--price)");
                }
                return base;
            }
            String cur = currency != null ? currency : base.currency();
            if (!cur.equals(base.currency()) && base.demandCharge().isPresent()) {
                throw new LedgerException(currencySource + " says " + cur + " but the site file's demand charge is priced in " + base.currency()
                        + ": give the whole tariff in one currency in the site file");
            }
            String src = currency != null ? priceSource : priceSource + "; currency " + cur + " from " + (tariff == null ? "the default price (give --currency)" : "the site file");
            if (base instanceof TimeOfUseTariff) warnings.add(priceSource + " replaces the time-of-use tariff from the site file with a flat price");
            return new FlatTariff(price, cur, src, false, base.demandCharge());
        }
    }
}
