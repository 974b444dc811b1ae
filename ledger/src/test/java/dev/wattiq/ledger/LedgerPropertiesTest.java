package dev.wattiq.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wattiq.ledger.carbon.IntensitySeries;
import dev.wattiq.ledger.pue.PueCurve;
import dev.wattiq.ledger.tariff.TimeOfUseTariff;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties of the ledger's arithmetic over generated sites (time-of-use tariff, PUE curve, partial hourly carbon
 * series, green shares) and runs: cost and CO2e are monotone in energy and add up over any split of a run; a 100%
 * green share zeroes market-based CO2e and leaves location-based unchanged.
 */
class LedgerPropertiesTest {
    static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");

    @Provide
    Arbitrary<Site> sites() {
        Arbitrary<Double> pue = Arbitraries.doubles().between(1.0, 2.5);
        Arbitrary<Double> price = Arbitraries.doubles().between(0, 0.5);
        Arbitrary<Double> share = Arbitraries.doubles().between(0, 0.5);
        Arbitrary<Integer> hour = Arbitraries.integers().between(0, 23);
        Arbitrary<Boolean> curve = Arbitraries.of(true, false);
        Arbitrary<Integer> seriesHours = Arbitraries.integers().between(0, 72);
        return Combinators.combine(pue, price, share, share, hour, curve, seriesHours).as((p, pr, green, onsite, h, useCurve, n) -> {
            TimeOfUseTariff tou = new TimeOfUseTariff(ZoneId.of("Europe/Berlin"), "EUR", pr, List.of(
                    new TimeOfUseTariff.Period(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SATURDAY), h, (h + 5) % 24 == 0 ? 24 : (h + 5) % 24, pr * 2 + 0.01)),
                    "generated", Optional.empty());
            Site.Builder b = Site.builder().tariff(tou).gridIntensity(300, "generated").greenShare(green, "generated").onsiteShare(onsite, "generated");
            b = useCurve ? b.pue(new PueCurve(5000, List.of(new PueCurve.Point(0.1, p + 0.5), new PueCurve.Point(0.6, p + 0.1), new PueCurve.Point(1, p)), "generated"))
                    : b.pue(p, "generated");
            if (n > 0) {
                TreeMap<Instant, Double> m = new TreeMap<>();
                for (int i = 0; i < n; i++) m.put(BASE.plusSeconds(3600L * (i * 2)), 50.0 + (i * 37) % 400);
                b.carbonSeries(new IntensitySeries(m, "generated"));
            }
            return b.build();
        });
    }

    static EnergyTrace run(long startSeconds, double seconds, double joules) {
        return EnergyTrace.of(BASE.plusSeconds(startSeconds), seconds, joules);
    }

    @Property(tries = 200)
    void costAndCarbonAreMonotoneInEnergy(@ForAll("sites") Site site, @ForAll @DoubleRange(min = 0, max = 500_000) double startSeconds,
                                          @ForAll @DoubleRange(min = 1, max = 200_000) double seconds, @ForAll @DoubleRange(min = 0, max = 1e9) double joules,
                                          @ForAll @DoubleRange(min = 1, max = 10) double factor) {
        Bill small = Ledger.bill(run((long) startSeconds, seconds, joules), site);
        Bill big = Ledger.bill(run((long) startSeconds, seconds, joules * factor), site);
        double eps = 1e-9;
        assertThat(big.facilityEnergyJoules()).isGreaterThanOrEqualTo(small.facilityEnergyJoules() * (1 - eps));
        assertThat(big.cost().amount()).isGreaterThanOrEqualTo(small.cost().amount() * (1 - eps));
        assertThat(big.co2eLocationKg()).isGreaterThanOrEqualTo(small.co2eLocationKg() * (1 - eps));
        assertThat(big.co2eMarketKg()).isGreaterThanOrEqualTo(small.co2eMarketKg() * (1 - eps));
    }

    @Property(tries = 200)
    void costAndCarbonAddUpOverAnySplitOfARun(@ForAll("sites") Site site, @ForAll @DoubleRange(min = 0, max = 500_000) double startSeconds,
                                              @ForAll @DoubleRange(min = 1, max = 200_000) double seconds, @ForAll @DoubleRange(min = 0, max = 1e9) double joules,
                                              @ForAll @Size(min = 1, max = 6) List<@DoubleRange(min = 0.01, max = 0.99) Double> cuts) {
        Instant start = BASE.plusSeconds((long) startSeconds);
        Bill whole = Ledger.bill(EnergyTrace.of(start, seconds, joules), site);
        List<Double> fractions = new ArrayList<>(new java.util.TreeSet<>(cuts));
        fractions.add(1.0);
        double prev = 0, cost = 0, loc = 0, market = 0, facility = 0;
        List<EnergyTrace.Interval> parts = new ArrayList<>();
        for (double f : fractions) {
            double partSeconds = (f - prev) * seconds;
            Instant partStart = start.plusNanos(Math.round(prev * seconds * 1e9));
            EnergyTrace.Interval part = new EnergyTrace.Interval(partStart, partSeconds, joules * (f - prev));
            parts.add(part);
            Bill b = Ledger.bill(new EnergyTrace(List.of(part)), site);
            cost += b.cost().amount();
            loc += b.co2eLocationKg();
            market += b.co2eMarketKg();
            facility += b.facilityEnergyJoules();
            prev = f;
        }
        Bill joined = Ledger.bill(new EnergyTrace(parts), site);
        // parts start on whole nanoseconds, so a part may reach ~1 ns across a price or carbon boundary: allow for it
        double slack = joules / Bill.JOULES_PER_KWH * 1e-9;
        for (Bill b : List.of(whole, joined)) {
            assertThat(facility).isCloseTo(b.facilityEnergyJoules(), org.assertj.core.api.Assertions.within(1e-6 * b.facilityEnergyJoules() + 1e-9));
            assertThat(cost).isCloseTo(b.cost().amount(), org.assertj.core.api.Assertions.within(1e-6 * b.cost().amount() + slack));
            assertThat(loc).isCloseTo(b.co2eLocationKg(), org.assertj.core.api.Assertions.within(1e-6 * b.co2eLocationKg() + slack));
            assertThat(market).isCloseTo(b.co2eMarketKg(), org.assertj.core.api.Assertions.within(1e-6 * b.co2eMarketKg() + slack));
        }
    }

    @Property(tries = 100)
    void fullGreenShareZeroesMarketBasedAndLeavesLocationBased(@ForAll("sites") Site site, @ForAll @DoubleRange(min = 1, max = 200_000) double seconds,
                                                              @ForAll @DoubleRange(min = 0, max = 1e9) double joules) {
        Site green = new Site(site.region(), site.pue(), site.tariff(), site.gridIntensity(), site.carbonSeries(),
                new GreenEnergy(0, 1, java.util.OptionalDouble.empty(), "100% PPA"), site.embodied(), false, List.of());
        Site none = new Site(site.region(), site.pue(), site.tariff(), site.gridIntensity(), site.carbonSeries(),
                GreenEnergy.NONE, site.embodied(), false, List.of());
        EnergyTrace t = run(3600, seconds, joules);
        Bill g = Ledger.bill(t, green), n = Ledger.bill(t, none);
        assertThat(g.co2eMarketKg()).isZero();
        assertThat(g.co2eLocationKg()).isEqualTo(n.co2eLocationKg());
        assertThat(g.cost()).isEqualTo(n.cost());
    }

    @Property(tries = 200)
    void pueCurveKeepsFacilityPowerRising(@ForAll @DoubleRange(min = 0, max = 1.5) double a, @ForAll @DoubleRange(min = 0, max = 1.5) double b,
                                          @ForAll @DoubleRange(min = 1, max = 3) double p1, @ForAll @DoubleRange(min = 1, max = 3) double p2) {
        // any curve the constructor accepts has facility power non-decreasing in IT load
        PueCurve c;
        try {
            c = new PueCurve(1000, List.of(new PueCurve.Point(0.1, p1), new PueCurve.Point(0.7, p2)), "generated");
        } catch (LedgerException e) {
            return;
        }
        double lo = Math.min(a, b) * 1000, hi = Math.max(a, b) * 1000;
        assertThat(hi * c.pueAt(hi)).isGreaterThanOrEqualTo(lo * c.pueAt(lo) - 1e-9);
    }
}
