package dev.wattiq.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.wattiq.ledger.tariff.DemandCharge;
import dev.wattiq.ledger.tariff.FlatTariff;
import dev.wattiq.ledger.tariff.TimeOfUseTariff;
import dev.wattiq.meter.PowerSample;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TariffTest {
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final double KWH = Bill.JOULES_PER_KWH;

    static TimeOfUseTariff peakAfternoons(Optional<DemandCharge> demand) {
        return new TimeOfUseTariff(CHICAGO, "USD", 0.10,
                List.of(new TimeOfUseTariff.Period(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 14, 20, 0.30)), "test tariff", demand);
    }

    @Test
    void touRunCrossingABoundaryIsPricedFromItsSamples() {
        // Monday 3 June 2024, 13:30 to 14:33 in Chicago (CDT): nine 7-minute samples, one straddling 14:00
        Instant t0 = ZonedDateTime.of(2024, 6, 3, 13, 30, 0, 0, CHICAGO).toInstant();
        Instant boundary = ZonedDateTime.of(2024, 6, 3, 14, 0, 0, 0, CHICAGO).toInstant();
        List<PowerSample> samples = new ArrayList<>();
        double expected = 0;
        for (int i = 0; i < 9; i++) {
            double watts = 1000 + 250 * i;
            Instant start = t0.plusSeconds(420L * i), end = start.plusSeconds(420);
            samples.add(new PowerSample(end, 420, Map.of("gpu", watts), watts, false));
            double offPeakSeconds = Math.max(0, Math.min(end.getEpochSecond(), boundary.getEpochSecond()) - start.getEpochSecond());
            expected += watts * offPeakSeconds / KWH * 0.10 + watts * (420 - offPeakSeconds) / KWH * 0.30;
        }
        Site site = Site.builder().pue(1.0, "test").tariff(peakAfternoons(Optional.empty())).build();
        Bill b = Ledger.bill(EnergyTrace.fromSamples(samples), site);
        assertThat(b.cost().amount()).isCloseTo(expected, within(1e-12));
        // the straddling sample (13:58-14:05) is split 2/7 off-peak, 5/7 peak: a flat average would differ
        double allOffPeak = EnergyTrace.fromSamples(samples).totalJoules() / KWH * 0.10;
        assertThat(b.cost().amount()).isGreaterThan(allOffPeak * 1.5);
    }

    @Test
    void weekendsAndWrappedNightPeriodsAndDst() {
        TimeOfUseTariff t = new TimeOfUseTariff(CHICAGO, "USD", 0.10, List.of(
                new TimeOfUseTariff.Period(EnumSet.allOf(DayOfWeek.class), 22, 6, 0.05),
                new TimeOfUseTariff.Period(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 14, 20, 0.30)), "t", Optional.empty());
        assertThat(t.pricePerKwhAt(ZonedDateTime.of(2024, 6, 8, 15, 0, 0, 0, CHICAGO).toInstant())).isEqualTo(0.10); // Saturday
        assertThat(t.pricePerKwhAt(ZonedDateTime.of(2024, 6, 7, 15, 0, 0, 0, CHICAGO).toInstant())).isEqualTo(0.30); // Friday
        assertThat(t.pricePerKwhAt(ZonedDateTime.of(2024, 6, 7, 23, 0, 0, 0, CHICAGO).toInstant())).isEqualTo(0.05);
        assertThat(t.pricePerKwhAt(ZonedDateTime.of(2024, 6, 7, 5, 59, 0, 0, CHICAGO).toInstant())).isEqualTo(0.05);
        // DST starts 10 March 2024 02:00 local: hours are local hours, so 14:00 local is 19:00Z after, 20:00Z before
        assertThat(t.pricePerKwhAt(Instant.parse("2024-03-11T19:00:00Z"))).isEqualTo(0.30);
        assertThat(t.pricePerKwhAt(Instant.parse("2024-03-08T19:00:00Z"))).isEqualTo(0.10);
        // a whole day priced hour by hour: 8 h at 0.05, 6 h at 0.30, 10 h at 0.10, 1 kW
        Instant day = ZonedDateTime.of(2024, 6, 4, 0, 0, 0, 0, CHICAGO).toInstant();
        Bill b = Ledger.bill(EnergyTrace.of(day, 86400, 24 * KWH), Site.builder().pue(1, "t").tariff(t).build());
        assertThat(b.cost().amount()).isCloseTo(8 * 0.05 + 6 * 0.30 + 10 * 0.10, within(1e-9));
    }

    @Test
    void demandChargeOnPeakWindowPerBillingMonth() {
        DemandCharge d = new DemandCharge(13.11, 15, CHICAGO, "test");
        Site site = Site.builder().pue(1.5, "t").tariff(new FlatTariff(0.10, "USD", "t", false, Optional.of(d))).build();
        Instant t0 = ZonedDateTime.of(2024, 6, 3, 10, 0, 0, 0, CHICAGO).toInstant();
        EnergyTrace trace = new EnergyTrace(List.of(
                new EnergyTrace.Interval(t0, 900, 10_000 * 900.0),
                new EnergyTrace.Interval(t0.plusSeconds(900), 900, 20_000 * 900.0)));
        Bill b = Ledger.bill(trace, site);
        assertThat(b.peakFacilityPowerWatts()).isCloseTo(30_000, within(1e-6));
        assertThat(b.demandCharge()).isCloseTo(30 * 13.11, within(1e-9));
        assertThat(b.cost().amount()).isCloseTo(b.energyCharge() + b.demandCharge(), within(1e-12));
        assertThat(b.energyCharge()).isCloseTo((10 + 20) * 0.25 * 1.5 * 0.10, within(1e-9));

        // 5 minutes at 30 kW inside one 15-minute window: the meter sees a 10 kW average
        Bill shortRun = Ledger.bill(EnergyTrace.of(t0.plusSeconds(60), 300, 30_000 * 300.0), Site.builder().pue(1, "t")
                .tariff(new FlatTariff(0.10, "USD", "t", false, Optional.of(d))).build());
        assertThat(shortRun.demandCharge()).isCloseTo(10 * 13.11, within(1e-9));

        // a run across a month end pays each month's own peak
        Instant may31 = ZonedDateTime.of(2024, 5, 31, 23, 30, 0, 0, CHICAGO).toInstant();
        Bill twoMonths = Ledger.bill(EnergyTrace.of(may31, 3600, 4000 * 3600.0), Site.builder().pue(1, "t")
                .tariff(new FlatTariff(0.10, "USD", "t", false, Optional.of(d))).build());
        assertThat(twoMonths.demandCharge()).isCloseTo(2 * 4 * 13.11, within(1e-9));
    }

    @Test
    void demandWindowFollowsLocalClockInHalfHourZones() {
        DemandCharge d = new DemandCharge(1, 60, ZoneId.of("Asia/Kolkata"), "t");
        assertThat(d.windowStart(Instant.parse("2024-01-01T10:45:00Z"))).isEqualTo(Instant.parse("2024-01-01T10:30:00Z"));
    }

    @Test
    void badTariffsAreRejected() {
        assertThatThrownBy(() -> new TimeOfUseTariff.Period(EnumSet.of(DayOfWeek.MONDAY), 14, 14, 0.1)).hasMessageContaining("from_hour");
        assertThatThrownBy(() -> new TimeOfUseTariff.Period(EnumSet.noneOf(DayOfWeek.class), 1, 2, 0.1)).hasMessageContaining("no days");
        assertThatThrownBy(() -> new TimeOfUseTariff.Period(EnumSet.of(DayOfWeek.MONDAY), 1, 2, -0.1)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> new DemandCharge(10, 7, CHICAGO, "t")).hasMessageContaining("divides an hour");
        assertThatThrownBy(() -> new DemandCharge(-1, 15, CHICAGO, "t")).hasMessageContaining("demand charge -1");
        assertThatThrownBy(() -> new FlatTariff(Double.NaN, "USD", "t", false)).hasMessageContaining("price NaN");
    }
}
